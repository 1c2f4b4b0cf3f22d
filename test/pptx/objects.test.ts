import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveBoxes } from '../../src/export/boxes.js';
import { loadProject } from '../../src/load/project.js';
import type { Project } from '../../src/load/project.js';
import type { MeasuredBlock, MeasuredSlide } from '../../src/pptx/boxes.js';
import { writePptx } from '../../src/pptx/write.js';
import { EXAMPLE_DECK } from '../helpers/example.js';
import { readPptx } from '../helpers/pptx.js';

let project: Project;
beforeAll(async () => {
  project = await loadProject(EXAMPLE_DECK);
});

const style = { fontPx: { zh: 20, en: 16 }, color: { zh: '#1a2433', en: '#4a5568' }, bold: { zh: false, en: false } };

describe('resolveBoxes', () => {
  it('claims segments by kind and shown text: the title slide shows presenter before venue, the segments list venue first', () => {
    const raw = (pair: number, lang: 'zh' | 'en', text: string) => ({
      type: 'text' as const, kind: 'text' as const, role: 'title-slide__meta', pair, generated: false, lang, text,
      box: { x: 0, y: 0, w: 10, h: 10 }, fontPx: 20, lineHeightPx: 24, bold: false, color: '#000000', align: 'left' as const,
    });
    const [page] = resolveBoxes([{ id: 'title', background: '#ffffff', blocks: [raw(0, 'zh', '創新科技及工業局局長'), raw(1, 'zh', '添馬政府總部')] }], project.model, 'zh');
    expect(page?.blocks.map((b) => (b.type === 'text' ? b.segmentId : b.type))).toEqual(['title.presenter', 'title.venue']);
  });
});

describe('writePptx with tables, charts and pictures', () => {
  it('draws them from the slide\'s data at their boxes: a native table, a native chart, no picture without its bytes', async () => {
    const at = { x: 48, y: 200, w: 1184, h: 300 };
    const page = (slideId: string, n: number, blocks: MeasuredBlock[]): MeasuredSlide => ({ slideId, mode: 'en', page: n, background: '#ffffff', blocks });
    const slides = [
      page('ai-table', 1, [{ type: 'table', block: 0, box: at, cols: [600, 300, 284], rows: [60, 60, 60, 60, 60], head: { ...style, fill: '#0b3d6e' }, body: style, rowHead: style, total: style, rule: '#4a5568' }]),
      // A continued table: the second page shows the last data row and the total.
      page('ai-table', 2, [{ type: 'table', block: 0, box: at, bodyRows: [2], cols: [600, 300, 284], rows: [60, 60, 60], head: style, body: style, rowHead: style, total: style, rule: '#4a5568' }]),
      page('industry-stacked', 3, [{ type: 'chart', block: 0, box: at }]),
      // The logo is an SVG: without a PNG drawn in the print view it is left out, never a broken picture.
      page('title', 4, [{ type: 'image', block: 'logo', box: { x: 80, y: 60, w: 52, h: 52 } }]),
    ];
    const bytes = await writePptx({ model: project.model, brand: project.brand, mode: 'en', slides, meta: { title: 'T', author: 'A', subject: 'S', keywords: [], language: 'en-GB', creator: 'c', company: 'C', date: new Date(0) } });
    const file = join(mkdtempSync(join(tmpdir(), 'bideck-pptx-objects-')), 'x.pptx');
    writeFileSync(file, bytes);
    const pptx = await readPptx(file);
    const table = pptx.slides[0]?.tables[0];
    expect(table?.map((r) => r.map((c) => c.map((p) => p.text).join('|')))).toEqual([
      ['Measure', 'Budget', 'Funding'],
      ['AI Subsidy Scheme', '2024-25', '$3B'],
      ['AI research institute', '2025-26', '$1B'],
      ['Cyberport supercomputing centre', '2024-25', '$2.65B'],
      ['Total', '', '$6.65B'],
    ]);
    expect(pptx.slides[0]?.xml).toContain('<a:off x="457200" y="1905000"/>'); // 48, 200 px in EMU
    expect(pptx.slides[1]?.tables[0]?.map((r) => r[0]?.map((p) => p.text).join('|'))).toEqual(['Measure', 'Cyberport supercomputing centre', 'Total']);
    const chart = pptx.slides[2]?.charts[0];
    expect(chart?.categories).toEqual(['AI', 'Life sciences', 'New industrialisation']);
    expect(chart?.series).toEqual([{ name: '2024-25', values: [3, 2, 1] }, { name: '2025-26', values: [1, 0.5, 10] }]);
    expect(chart?.xml).toContain('<c:grouping val="stacked"/>');
    expect(pptx.slides[3]?.pictures).toEqual([]);
    expect(pptx.files.filter((f) => f.startsWith('ppt/media/') && !f.endsWith('/'))).toEqual([]);
  });
});
