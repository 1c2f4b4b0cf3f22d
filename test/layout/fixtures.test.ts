import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { MODES } from '../../src/render/deck.js';
import { floorPx } from '../../src/layout/decide.js';
import { layoutFailures } from '../helpers/layout.js';

const out = () => join(mkdtempSync(join(tmpdir(), 'bideck-layout-')), 'dist');

describe('layout of the edge fixtures, built in Chromium (issue 9)', { timeout: 120_000 }, () => {
  it.each([
    ['layout-dense', 'very dense: 4 and 3 initiatives with nested lists'],
    ['layout-sparse', 'very sparse'],
    ['layout-thirty-points', 'one initiative with 30 points'],
    ['layout-funding-lengths', '4 initiatives with funding lines of different lengths'],
  ])('%s (%s): every text whole, inside, not overlapping, at the floors, in every mode', async (name) => {
    const dir = out();
    const result = await build({ deckPath: join('test', 'fixtures', name, 'deck.yaml'), outDir: dir });
    expect(layoutFailures(result, dir)).toEqual([]);
    // One split for every mode: the same slides whatever language is on screen.
    const counts = MODES.map((m) => result.layout?.modes[m]?.length);
    expect(new Set(counts).size).toBe(1);
  });

  it('the seed stays 11 slides in every mode, continues nothing and meets the floors', async () => {
    const dir = out();
    const result = await build({ deckPath: join('data', 'deck.yaml'), outDir: dir });
    expect(result.layout?.splits).toEqual([]);
    for (const m of MODES) expect(result.layout?.modes[m]).toHaveLength(11);
    expect(layoutFailures(result, dir)).toEqual([]);
  });

  it('the bilingual seed slide 7 uses the empty space of its columns rather than shrink: its English stays above the 10 pt floor (issue 9 point 2)', async () => {
    const dir = out();
    const result = await build({ deckPath: join('data', 'deck.yaml'), outDir: dir, modes: ['bi'], checks: false });
    const seven = result.layout?.modes.bi?.[6];
    expect(seven?.id).toBe('research-institutes');
    // The dense first card takes the wider column (it used to sit at about 9.6 pt, then at the floor).
    expect(seven?.wide).toBe(0);
    const english = (seven?.boxes ?? []).filter((b) => b.lang === 'en' && (b.kind === 'point' || b.kind === 'paragraph'));
    expect(english.length).toBeGreaterThan(0);
    for (const b of english) expect(b.fontPx ?? 0).toBeGreaterThan(floorPx('bi', 'en') + 1);
    expect(result.layout?.modes.bi).toHaveLength(11);
  });

  it('the 4 cards of a 2×2 slide with funding lines of different lengths stay on one slide, their badges in line by row', async () => {
    const dir = out();
    const result = await build({ deckPath: join('test', 'fixtures', 'layout-funding-lengths', 'deck.yaml'), outDir: dir, modes: ['bi'] });
    expect(result.project.model.slides).toHaveLength(3); // title, the 2×2 slide, closing
    for (const m of MODES) {
      const slide = result.layout?.modes[m]?.[1];
      const badges = (slide?.boxes ?? []).filter((b) => b.kind === 'funding' && !b.lang);
      expect(badges).toHaveLength(4);
      const bottoms = badges.map((b) => Math.round(b.y + b.h));
      expect(bottoms[0]).toBe(bottoms[1]);
      expect(bottoms[2]).toBe(bottoms[3]);
    }
  });
});
