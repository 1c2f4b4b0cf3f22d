import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, outputName } from '../../src/pipeline/build.js';
import { MODES } from '../../src/render/deck.js';
import { CHART_FLOOR_PX } from '../../src/layout/decide.js';
import { layoutFailures } from '../helpers/layout.js';
import { pdfText } from '../helpers/pdf.js';

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Issue 11's elements under issue 9's rules, in the real Chromium: a 30-row table continues by
 * rows (header repeated, total once, on the last part), a 7-point comparison by points, a
 * timeline of long milestones by milestones, and every text of them is whole, inside, not
 * overlapping and at the floors in every mode.
 */
describe('layout of tables, comparison and timeline (issues 9 and 11)', { timeout: 180_000 }, () => {
  it('a 30-row table continues by rows with its header repeated and its total once, a comparison by points, a timeline by milestones, every text at the floors', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bideck-layout-el-')), 'dist');
    const result = await build({ deckPath: join('test', 'fixtures', 'layout-elements', 'deck.yaml'), outDir: dir, checks: false });
    expect(layoutFailures(result, dir)).toEqual([]);

    const split = result.layout?.splits.find((s) => s.slide === 'long-table');
    const parts = split?.parts ?? [];
    expect(parts.length).toBeGreaterThan(1);
    // The parts cover the rows once, in order.
    const ranges = parts.map((p) => (p.blocks ? p.blocks.rows : [0, 0]));
    expect(ranges[0]?.[0]).toBe(0);
    expect(ranges.at(-1)?.[1]).toBe(30);
    ranges.slice(1).forEach((r, i) => expect(r[0]).toBe(ranges[i]?.[1]));

    // Each row's cells and the total are listed on one part only; the header on every part.
    const listed = (id: string) => result.project.model.slides.filter((s) => s.segments.some((g) => g.id === id)).length;
    const cells = result.project.model.segments.filter((g) => /\.table1\.(r\d+c\d+|total)$/.test(g.id));
    expect(cells).toHaveLength(30 * 2 + 1);
    for (const c of cells) expect(listed(c.id)).toBe(1);
    expect(listed('long-table.table1.h1')).toBe(parts.length);

    const model = result.project.model;
    const first = model.slides.findIndex((s) => s.id === 'long-table');
    // The split is the bilingual one (two lines a row); with one line a row, the 中文 and English
    // parts use the room left by growing their text (decide.ts GROW_STEPS), still at no problem.
    for (const mode of ['zh', 'en'] as const) {
      const fits = (result.layout?.modes[mode] ?? []).filter((d) => d.id === 'long-table' || d.id.startsWith('long-table--')).map((d) => d.fit);
      expect(fits.length, mode).toBe(parts.length);
      for (const fit of fits) expect(fit, mode).toBeGreaterThan(1);
    }
    for (const mode of MODES) {
      const pdf = join(dir, outputName(model.deck.meta.id, mode, 'pdf'));
      const header = mode === 'en' ? 'Measure' : '措施';
      const total = mode === 'en' ? 'Total' : '總額';
      const pages = parts.map((_, k) => squash(pdfText(pdf, first + k + 1)));
      for (const page of pages) expect(page).toContain(header);
      expect(pages.filter((p) => p.includes(total))).toHaveLength(1);
      expect(pages.at(-1)).toContain(total);
      // The total counts every row, not only the last part's: 50M × (1 + … + 30) = 23.25B.
      expect(pages.at(-1)).toContain(mode === 'en' ? '$23.25B' : '232.5億元');
    }

    // The 7-point comparison continues by points, both columns' headings repeated, each point once.
    const compare = result.layout?.splits.find((s) => s.slide === 'dense-compare')?.parts ?? [];
    expect(compare.length).toBeGreaterThan(1);
    expect(compare[0]?.points?.[0]).toBe(0);
    expect(compare.at(-1)?.points?.[1]).toBe(7);
    const points = model.segments.filter((g) => g.id.startsWith('dense-compare.col') && /\.p\d+$/.test(g.id));
    expect(points).toHaveLength(14);
    for (const p of points) expect(listed(p.id)).toBe(1);
    expect(listed('dense-compare.col2.heading')).toBe(compare.length);

    // The timeline of six long milestones continues by milestones, each shown once.
    const timeline = result.layout?.splits.find((s) => s.slide === 'long-timeline')?.parts ?? [];
    expect(timeline.map((p) => p.milestones)).toEqual([[0, 3], [3, 6]]);
    for (const k of [1, 2, 3, 4, 5, 6]) expect(listed(`long-timeline.m${k}`)).toBe(1);
  });

  it('a chart beside initiatives is drawn for its half of the body: every label as shown is at or above 10 pt, in every mode', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bideck-layout-charts-')), 'dist');
    const result = await build({ deckPath: join('test', 'fixtures', 'layout-charts', 'deck.yaml'), outDir: dir, checks: false });
    expect(layoutFailures(result, dir)).toEqual([]);
    for (const mode of MODES) {
      for (const id of ['chart-alone', 'chart-beside', 'chart-beside-horizontal', 'chart-beside-long-url']) {
        const labels = (result.layout?.modes[mode]?.find((d) => d.id === id)?.boxes ?? []).filter((b) => b.kind === 'chart');
        expect(labels.length, `${mode} ${id}`).toBeGreaterThan(5);
        for (const b of labels) expect(b.fontPx ?? 0, `${mode} ${id}`).toBeGreaterThanOrEqual(CHART_FLOOR_PX);
      }
    }
  });

  it('key figures too long for their cards take a smaller size step, and print on one line as measured', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bideck-layout-figures-')), 'dist');
    const result = await build({ deckPath: join('test', 'fixtures', 'layout-figures', 'deck.yaml'), outDir: dir, checks: false });
    expect(layoutFailures(result, dir)).toEqual([]);
    const fit = result.layout?.modes.en?.find((d) => d.id === 'long-figures')?.fit ?? 1;
    expect(fit).toBeLessThan(1);
    // One line each: the tagged print view keeps the value's nowrap (export/tags.ts).
    const lines = pdfText(join(dir, outputName('layout-figures', 'en', 'pdf')), 2).split('\n').map((l) => l.trim());
    expect(lines).toContain('over $30,267M');
    expect(lines).toContain('over $47,363M');
  });
});
