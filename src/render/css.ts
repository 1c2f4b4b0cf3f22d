import type { Brand } from '../schema/brand.js';

/** CSS family names of the embedded subsets; distinct from system fonts of the same design. */
export const FAMILY = { zh: 'bideck zh', en: 'bideck en' } as const;

/** The brand as CSS custom properties; templates/deck.css only ever reads these. */
export function brandCss(brand: Brand): string {
  const p = brand.palette;
  const vars: Record<string, string> = {
    '--c-primary': p.primary,
    '--c-on-primary': p.onPrimary,
    '--c-accent': p.accent,
    '--c-background': p.background,
    '--c-surface': p.surface,
    '--c-text': p.text,
    '--c-muted': p.muted,
    '--c-funding': p.funding,
    '--c-on-funding': p.onFunding,
    // No generic fallback: a glyph missing from the subsets must show up in QA, not be faked
    // by whatever font the presenting laptop happens to have.
    '--font-zh': `"${FAMILY.zh}"`,
    '--font-en': `"${FAMILY.en}", "${FAMILY.zh}"`,
  };
  const body = Object.entries(vars)
    .map(([k, v]) => `  ${k}: ${v};`)
    .join('\n');
  return `:root {\n${body}\n}\n`;
}
