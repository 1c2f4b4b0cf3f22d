import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import type { BuildResult } from '../../src/pipeline/build.js';
import type { Segment } from '../../src/model/types.js';
import { OFFICE_LANG } from '../../src/pptx/write.js';
import type { Mode } from '../../src/render/deck.js';
import { plainText } from '../../src/render/markdown.js';
import { openDeck, startBrowser } from '../helpers/browser.js';
import { EXAMPLE_DECK } from '../helpers/example.js';
import { officeFonts, officeToPdf } from '../helpers/office.js';
import { pdfInfo, pdfText } from '../helpers/pdf.js';
import { readPptx } from '../helpers/pptx.js';
import { geometryProblems, measureTextBlocks } from '../helpers/pptx-geometry.js';
import type { PptxFile, PptxParagraph, PptxSlide } from '../helpers/pptx.js';
import { squash } from '../helpers/seed.js';

const MODES: readonly Mode[] = ['bi', 'zh', 'en'];
const ID = 'budget-it-2025';
const name = (mode: Mode, ext: string) => (mode === 'bi' ? `${ID}.${ext}` : `${ID}.${mode}.${ext}`);
const langsOf = (mode: Mode) => (mode === 'bi' ? (['zh', 'en'] as const) : mode === 'zh' ? (['zh'] as const) : (['en'] as const));
/** Alt text (image blocks' and the logo's, a meta segment): a picture's description, never shown. */
const isAlt = (s: Segment) => s.kind === 'alt' || s.id.endsWith('.alt');
/** Every paragraph a slide shows as editable text: text boxes and table cells. */
const textOf = (s: PptxSlide): PptxParagraph[] => [...s.shapes.flatMap((sh) => sh.paragraphs), ...s.tables.flat(3)];
/** Chart labels: in the bilingual chart each label is its two languages on two lines. */
const chartLabels = (s: PptxSlide): string[] => s.charts.flatMap((c) => [...c.categories, ...c.series.map((x) => x.name)]).flatMap((l) => l.split('\n'));

/** The example deck (every element of issue 11) built with --pptx: tables, charts and pictures as native objects. */
describe('example deck as an editable PowerPoint', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'bideck-pptx-example-')), 'dist');
  const file = (n: string) => join(out, n);
  let result: BuildResult;
  const decks = new Map<Mode, PptxFile>();
  beforeAll(async () => {
    result = await build({ deckPath: EXAMPLE_DECK, outDir: out, pptx: true });
    for (const mode of MODES) decks.set(mode, await readPptx(file(name(mode, 'pptx'))));
  });
  const deck = (mode: Mode) => decks.get(mode) as PptxFile;
  const slideOf = (id: string) => result.project.model.slides.findIndex((s) => s.id === id);

  it('has one slide per page of the PDF', () => {
    for (const mode of MODES) expect(deck(mode).slides.length, mode).toBe(Number(pdfInfo(file(name(mode, 'pdf')))['Pages']));
  });

  it('holds every text of the deck exactly once per mode, in text boxes, table cells, chart labels or alt text, with its language', () => {
    const { segments } = result.project.model;
    for (const mode of MODES) {
      const problems: string[] = [];
      const slides = deck(mode).slides;
      for (const seg of segments) {
        if (seg.kind === 'notes' || seg.slide === 0) continue;
        const slide = slides[seg.slide - 1] as PptxSlide;
        for (const lang of langsOf(mode)) {
          const want = squash(plainText(seg.text[lang]));
          const same = (kinds: readonly string[]) => segments.filter((s) => s.slide === seg.slide && kinds.includes(s.kind) && squash(plainText(s.text[lang])) === want);
          if (isAlt(seg)) {
            // Image alt text is the picture's description (descr), not text on the slide.
            if (!slide.pictures.some((p) => p.descr.split(' / ').includes(plainText(seg.text[lang])))) problems.push(`${seg.id}.${lang}: no picture with this alt text`);
            continue;
          }
          if (seg.kind === 'category') {
            const n = chartLabels(slide).filter((l) => squash(l) === want).length;
            if (n !== same(['category']).length) problems.push(`${seg.id}.${lang}: ${n} times in the slide's charts, expected ${same(['category']).length}`);
            continue;
          }
          const n = textOf(slide).filter((p) => squash(p.text) === want && p.lang === OFFICE_LANG[lang]).length;
          if (seg.kind === 'area') {
            // Area titles repeat by design (headers, overview, footers, the divider, chart categories).
            if (n + chartLabels(slide).filter((l) => squash(l) === want).length < 1) problems.push(`${seg.id}.${lang} missing on slide ${seg.slide}`);
            continue;
          }
          const expected = same(['heading', 'title', 'point', 'paragraph', 'funding', 'message', 'source', 'label', 'subtitle', 'cell', 'caption', 'meta']).filter((x) => !isAlt(x));
          if (n !== expected.length) problems.push(`${seg.id}.${lang}: ${n} times on slide ${seg.slide}, expected ${expected.length}`);
        }
      }
      expect(problems, mode).toEqual([]);
    }
  });

  it('writes the table as a native table: the HTML\'s amounts, right-aligned, the total summed, each language its paragraph', () => {
    const i = slideOf('ai-table');
    for (const mode of MODES) {
      const [table, ...others] = deck(mode).slides[i]?.tables ?? [];
      expect(others, mode).toEqual([]);
      const cell = (r: number, c: number) => table?.[r]?.[c]?.map((p) => [p.lang, p.text]);
      const both = (zh: string, en: string) => langsOf(mode).map((l) => (l === 'zh' ? ['zh-HK', zh] : ['en-GB', en]));
      expect(table?.length, mode).toBe(5); // header, three rows, total
      expect(cell(0, 0), mode).toEqual(both('措施', 'Measure'));
      expect(cell(1, 2), mode).toEqual(both('30億元', '$3B'));
      expect(cell(3, 2), mode).toEqual(both('26.5億元', '$2.65B'));
      expect(cell(4, 0), mode).toEqual(both('總額', 'Total'));
      expect(cell(4, 2), mode).toEqual(both('66.5億元', '$6.65B'));
    }
    const xml = deck('bi').slides[i]?.xml ?? '';
    const amountCell = [...xml.matchAll(/<a:tc>([\s\S]*?)<\/a:tc>/g)].map((m) => m[1] ?? '').find((c) => c.includes('66.5億元')) ?? '';
    expect(amountCell).toMatch(/<a:pPr algn="r"/);
  });

  it('writes each chart as a native bar chart with the data, the categories in the mode\'s languages and the brand\'s colours', () => {
    const { palette } = result.project.brand;
    for (const mode of MODES) {
      const byArea = deck(mode).slides[slideOf('industry-chart')]?.charts[0];
      const stacked = deck(mode).slides[slideOf('industry-stacked')]?.charts[0];
      expect(byArea?.xml, mode).toMatch(/<c:barDir val="bar"\/>/);
      expect(stacked?.xml, mode).toMatch(/<c:barDir val="col"\/>/);
      expect(stacked?.xml, mode).toMatch(/<c:grouping val="stacked"\/>/);
      const label = (zh: string, en: string) => (mode === 'bi' ? `${zh}\n${en}` : mode === 'zh' ? zh : en);
      expect(stacked?.categories, mode).toEqual([label('人工智能', 'AI'), label('生命科技', 'Life sciences'), label('新型工業化', 'New industrialisation')]);
      expect(stacked?.series.map((s) => s.name), mode).toEqual([label('2024-25年度', '2024-25'), label('2025-26年度', '2025-26')]);
      // Values in the unit the labels use: 億元 in Chinese, $B in English.
      const unit = mode === 'en' ? 1e9 : 1e8;
      expect(stacked?.series.map((s) => s.values.map((v) => v * unit)), mode).toEqual([[3e9, 2e9, 1e9], [1e9, 5e8, 1e10]]);
      expect(byArea?.series[0]?.values.map((v) => v * unit), mode).toEqual([4e9, 1e9]);
      expect(stacked?.xml, mode).toContain(palette.primary.replace('#', '').toUpperCase());
      expect(stacked?.xml, mode).toContain(palette.accent.replace('#', '').toUpperCase());
    }
  });

  it('draws only the data\'s images and the logo as pictures, each with its alt text; no slide is a picture', () => {
    for (const mode of MODES) {
      const pictures = deck(mode).slides.flatMap((s, i) => s.pictures.map((p) => `${i + 1}:${p.name}:${p.descr}`));
      const alt = (zh: string, en: string) => langsOf(mode).map((l) => (l === 'zh' ? zh : en)).join(' / ');
      expect(pictures, mode).toEqual([
        `1:logo:${alt('創新科技標誌', 'Innovation emblem')}`,
        `${slideOf('industry-photo') + 1}:image1:${alt('維港兩岸的建築群', 'Buildings on both sides of Victoria Harbour')}`,
        `${slideOf('closing') + 1}:logo:${alt('創新科技標誌', 'Innovation emblem')}`,
      ]);
      for (const s of deck(mode).slides) expect(s.shapes.filter((sh) => sh.textBox || sh.title).length).toBeGreaterThan(1);
    }
  });

  describe('geometry', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await startBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('places tables and charts within 2% of the slide size of their boxes in Chromium, pictures inside theirs', async () => {
      const { page } = await openDeck(browser, file(name('bi', 'html')), '?print-pdf&lang=bi');
      for (const mode of MODES) {
        // Measured here, independently of export/boxes.ts.
        const boxes = await page.evaluate((m) => {
          (window as unknown as { bideckSetMode(m: string): void }).bideckSetMode(m);
          return Array.from(document.querySelectorAll<HTMLElement>('section.slide')).map((s) => {
            const sr = s.getBoundingClientRect();
            const k = 1280 / sr.width;
            const rel = (r: DOMRect) => ({ x: (r.left - sr.left) * k, y: (r.top - sr.top) * k, w: r.width * k, h: r.height * k });
            const shown = (e: Element) => e.getClientRects().length > 0;
            return [
              ...Array.from(s.querySelectorAll('table.data-table, .block--chart .chart > svg, img.image, img.title-slide__logo')).filter(shown).map((e) => {
                if (e.matches('table')) {
                  const rows = Array.from(e.querySelectorAll('tr')).map((r) => r.getBoundingClientRect());
                  const top = rows[0]?.top ?? 0;
                  const bottom = rows.at(-1)?.bottom ?? 0;
                  return { kind: 'table', box: rel(new DOMRect(e.getBoundingClientRect().left, top, e.getBoundingClientRect().width, bottom - top)) };
                }
                return { kind: e.matches('svg') ? 'chart' : 'picture', box: rel(e.getBoundingClientRect()) };
              }),
            ];
          });
        }, mode);
        const problems: string[] = [];
        boxes.forEach((want, i) => {
          const got = deck(mode).slides[i]?.frames ?? [];
          expect(got.map((f) => f.kind), `${mode} slide ${i + 1}`).toEqual(want.map((w) => w.kind));
          want.forEach((w, j) => {
            const g = got[j]?.box ?? { x: 0, y: 0, w: 0, h: 0 };
            if (w.kind === 'picture') {
              // Contained in its element (object-fit: contain), filling it one way.
              const inside = g.x >= w.box.x - 1 && g.y >= w.box.y - 1 && g.x + g.w <= w.box.x + w.box.w + 1 && g.y + g.h <= w.box.y + w.box.h + 1;
              const fills = Math.abs(g.w - w.box.w) / 1280 < 0.02 || Math.abs(g.h - w.box.h) / 720 < 0.02;
              if (!inside || !fills) problems.push(`slide ${i + 1} picture: ${JSON.stringify(g)} in ${JSON.stringify(w.box)}`);
              return;
            }
            const dx = Math.max(Math.abs(g.x - w.box.x), Math.abs(g.w - w.box.w)) / 1280;
            const dy = Math.max(Math.abs(g.y - w.box.y), Math.abs(g.h - w.box.h)) / 720;
            if (dx > 0.02 || dy > 0.02) problems.push(`slide ${i + 1} ${w.kind}: off by ${(dx * 100).toFixed(1)}% × ${(dy * 100).toFixed(1)}%`);
          });
        });
        expect(problems, mode).toEqual([]);
      }
      await page.close();
    });
  });

  it('places every text box within 2% of the slide size of the same text in Chromium', async () => {
    const browser = await startBrowser();
    try {
      const { page } = await openDeck(browser, file(name('bi', 'html')), '?print-pdf&lang=bi');
      for (const mode of MODES) {
        const { problems, compared } = geometryProblems(await measureTextBlocks(page, mode), deck(mode));
        expect(problems, mode).toEqual([]);
        expect(compared, mode).toBeGreaterThan(50);
      }
    } finally {
      await browser.close();
    }
  });

  describe('opened by a real client (LibreOffice Impress, headless)', () => {
    const pdfs = new Map<Mode, string>();
    beforeAll(async () => {
      const fonts = await officeFonts(file(name('bi', 'html')), join(out, '..', 'fonts'), { 'Microsoft JhengHei': 'Noto Sans HK', Calibri: 'Noto Sans' });
      officeToPdf(MODES.map((m) => file(name(m, 'pptx'))), join(out, '..', 'lo'), fonts).forEach((pdf, i) => pdfs.set(MODES[i] as Mode, pdf));
    }, 240_000);

    it('shows as many pages as the PDF and every text of the deck, chart labels included', () => {
      for (const mode of MODES) {
        expect(pdfInfo(pdfs.get(mode) as string)['Pages'], mode).toBe(pdfInfo(file(name(mode, 'pdf')))['Pages']);
        const text = squash(pdfText(pdfs.get(mode) as string));
        const missing = result.project.model.segments
          .filter((s) => s.kind !== 'notes' && !isAlt(s) && s.slide > 0)
          .flatMap((s) => langsOf(mode).map((l) => ({ id: `${s.id}.${l}`, want: squash(plainText(s.text[l])) })))
          .filter((s) => !text.includes(s.want))
          .map((s) => s.id);
        expect(missing, mode).toEqual([]);
      }
    });
  });
});
