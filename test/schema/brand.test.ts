import { describe, expect, it } from 'vitest';
import { loadBrand, BUILTIN_BRANDS } from '../../src/load/brand.js';
import { ROOT } from '../helpers/seed.js';
import { join } from 'node:path';

/** WCAG 2.x relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('the default brand', () => {
  it('meets WCAG AA for every text / background pair the templates use', async () => {
    const { brand } = await loadBrand('hkgov', join(ROOT, 'data'), join(ROOT, 'data', 'deck.yaml'), () => ({ file: 'data/deck.yaml' }));
    const p = brand.palette;
    // Body-size text: 4.5:1. The accent is used only for large numbers, rules and bullets: 3:1.
    const body: [string, string, string][] = [
      ['text on background', p.text, p.background],
      ['text on surface', p.text, p.surface],
      ['muted on background', p.muted, p.background],
      ['muted on surface', p.muted, p.surface],
      ['primary on surface (titles)', p.primary, p.surface],
      ['on-primary on primary (header)', p.onPrimary, p.primary],
      ['on-funding on funding', p.onFunding, p.funding],
    ];
    for (const [what, fg, bg] of body) expect(contrast(fg, bg), what).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.accent, p.background), 'accent on background').toBeGreaterThanOrEqual(3);
    expect(BUILTIN_BRANDS.startsWith(ROOT)).toBe(true);
  });
});
