import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import type { BuildResult } from '../../src/pipeline/build.js';
import { OFFICE_LANG } from '../../src/pptx/write.js';
import type { Mode } from '../../src/render/deck.js';
import { plainText } from '../../src/render/markdown.js';
import { openDeck, startBrowser } from '../helpers/browser.js';
import { officeFonts, officeToPdf, pdfWords } from '../helpers/office.js';
import { pdfInfo, pdfText } from '../helpers/pdf.js';
import { readPptx } from '../helpers/pptx.js';
import { geometryProblems, measureTextBlocks } from '../helpers/pptx-geometry.js';
import type { PptxFile } from '../helpers/pptx.js';
import { SEED_DECK, squash } from '../helpers/seed.js';

const MODES: readonly Mode[] = ['bi', 'zh', 'en'];
const ID = 'itib-budget-2023-24';
const name = (mode: Mode, ext: string) => (mode === 'bi' ? `${ID}.${ext}` : `${ID}.${mode}.${ext}`);
const langsOf = (mode: Mode) => (mode === 'bi' ? (['zh', 'en'] as const) : mode === 'zh' ? (['zh'] as const) : (['en'] as const));

/** The seed deck built with --pptx, then read back from the zip's XML and through LibreOffice. */
describe('seed deck as an editable PowerPoint', () => {
  const root = mkdtempSync(join(tmpdir(), 'bideck-pptx-'));
  const out = join(root, 'dist');
  const file = (n: string) => join(out, n);
  let result: BuildResult;
  const decks = new Map<Mode, PptxFile>();

  beforeAll(async () => {
    result = await build({ deckPath: SEED_DECK, outDir: out, pptx: true });
    for (const mode of MODES) decks.set(mode, await readPptx(file(name(mode, 'pptx'))));
  });
  const deck = (mode: Mode) => decks.get(mode) as PptxFile;

  it('writes <id>.pptx, <id>.zh.pptx and <id>.en.pptx; the bilingual one is at most 150 KB', () => {
    const names = result.files.map((f) => f.slice(out.length + 1)).filter((f) => f.endsWith('.pptx')).sort();
    expect(names).toEqual([name('en', 'pptx'), name('bi', 'pptx'), name('zh', 'pptx')]);
    expect(statSync(file(name('bi', 'pptx'))).size).toBeLessThanOrEqual(150 * 1024);
  });

  it('refuses --pptx with --no-pdf: its layout comes from the PDF export', async () => {
    await expect(build({ deckPath: SEED_DECK, outDir: join(root, 'none'), pdf: false, pptx: true })).rejects.toThrow(/--pptx .* --no-pdf/);
  });

  it('has one 13.333 × 7.5 in slide per page of the PDF', () => {
    for (const mode of MODES) {
      expect(deck(mode).size).toEqual({ cx: 12192000, cy: 6858000 });
      expect(deck(mode).slides.length).toBe(Number(pdfInfo(file(name(mode, 'pdf')))['Pages']));
    }
  });

  it('holds every text of the deck exactly once per mode, each language its own paragraph with its language', () => {
    const { segments } = result.project.model;
    for (const mode of MODES) {
      const problems: string[] = [];
      const slides = deck(mode).slides;
      const allLangs = new Set(slides.flatMap((s) => s.shapes.flatMap((sh) => sh.paragraphs.map((p) => p.lang))));
      expect(allLangs, mode).toEqual(new Set(langsOf(mode).map((l) => OFFICE_LANG[l])));
      for (const seg of segments) {
        if (seg.kind === 'notes' || seg.slide === 0) continue;
        for (const lang of langsOf(mode)) {
          const want = squash(plainText(seg.text[lang]));
          const count = (ps: { text: string; lang: string }[]) => ps.filter((p) => squash(p.text) === want && p.lang === OFFICE_LANG[lang]).length;
          const onSlide = count(slides[seg.slide - 1]?.shapes.flatMap((s) => s.paragraphs) ?? []);
          if (seg.kind === 'area') {
            // Area titles repeat by design: in every header of the area, in the overview, in footers.
            if (onSlide < 1) problems.push(`${seg.id}.${lang} missing on slide ${seg.slide}`);
            continue;
          }
          const expected = segments.filter((s) => s.slide === seg.slide && s.kind !== 'notes' && s.kind !== 'area' && squash(plainText(s.text[lang])) === want).length;
          if (onSlide !== expected) problems.push(`${seg.id}.${lang}: ${onSlide} times on slide ${seg.slide}, expected ${expected}`);
        }
      }
      expect(problems, mode).toEqual([]);
    }
  });

  it('keeps bold from the data as bold runs', () => {
    const para = deck('zh').slides.flatMap((s) => s.shapes.flatMap((sh) => sh.paragraphs)).find((p) => p.text.includes('主題研究院'));
    expect(para?.bold).toEqual([false, true, false]);
  });

  it('gives every slide a title placeholder and each area its section', () => {
    for (const mode of MODES) {
      for (const [i, s] of deck(mode).slides.entries()) {
        const titles = s.shapes.filter((sh) => sh.title);
        expect(titles.length, `${mode} slide ${i + 1}`).toBe(1);
        expect(titles[0]?.paragraphs.length, `${mode} slide ${i + 1}`).toBeGreaterThan(0);
      }
    }
    const { slides, areas } = result.project.model;
    const count = (n: number) => slides.filter((s) => s.area?.number === n).length;
    expect(deck('en').sections).toEqual([
      { name: 'Opening', slides: slides.findIndex((s) => s.area) },
      ...areas.map((a) => ({ name: `${a.number}. ${a.title.en}`, slides: count(a.number) })),
      { name: 'Closing', slides: slides.length - slides.findLastIndex((s) => s.area) - 1 },
    ]);
    expect(deck('en').sections.map((s) => s.name)).toContain('4. Develop I&T infrastructure and promote “new industrialisation”');
    expect(deck('zh').sections[1]?.name).toBe('1. 發展數碼基建、推動數碼轉型');
    expect(deck('bi').sections[1]?.name).toBe('1. 發展數碼基建、推動數碼轉型 | Develop digital infrastructure and promote digital transformation');
  });

  it('puts the speaker notes in both languages on the notes page, each in its language', () => {
    const opening = result.project.model.slides.find((s) => s.id === 'opening');
    for (const mode of MODES) {
      const notes = deck(mode).notes[(opening?.number ?? 0) - 1];
      expect(notes?.map((p) => [p.lang, p.text])).toEqual([
        ['zh-HK', '開場：說明各項措施如何配合《香港創新科技發展藍圖》。'],
        ['en-GB', 'Opening: how the measures follow the Hong Kong I&T Development Blueprint.'],
      ]);
    }
  });

  it('draws every slide from native text boxes and shapes: no picture of a slide anywhere', () => {
    for (const mode of MODES) {
      expect(deck(mode).files.filter((f) => f.startsWith('ppt/media/') && !f.endsWith('/'))).toEqual([]);
      for (const s of deck(mode).slides) {
        expect(s.xml).not.toContain('<p:pic');
        expect(s.shapes.filter((sh) => sh.textBox || sh.title).length).toBeGreaterThan(1);
        const outside = s.shapes.filter(({ box }) => box.x < -0.5 || box.y < -0.5 || box.x + box.w > 1280.5 || box.y + box.h > 720.5);
        expect(outside.map((sh) => sh.name), mode).toEqual([]);
      }
    }
  });

  it('carries the PDF\'s title, author, subject and language', () => {
    const { core } = deck('en');
    expect(core).toContain('<dc:title>2023-24 Budget Key initiatives under ITIB</dc:title>');
    expect(core).toContain('<dc:creator>Innovation, Technology and Industry Bureau</dc:creator>');
    expect(core).toContain('<dc:subject>2023-24 Budget Key initiatives under ITIB</dc:subject>');
    expect(core).toContain('<dc:language>en-GB</dc:language>');
    expect(deck('bi').core).toContain('<dc:title>2023-24年度財政預算案 創新科技及工業局 相關重點措施 | 2023-24 Budget Key initiatives under ITIB</dc:title>');
    expect(deck('zh').core).toContain('<dc:language>zh-HK</dc:language>');
  });

  describe('geometry', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await startBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('places the main text boxes within 2% of the slide size of the same blocks measured in Chromium', async () => {
      const { page } = await openDeck(browser, file(name('bi', 'html')), '?print-pdf&lang=bi');
      for (const mode of MODES) {
        const { problems, compared } = geometryProblems(await measureTextBlocks(page, mode), deck(mode));
        expect(problems, mode).toEqual([]);
        expect(compared, mode).toBeGreaterThan(60);
      }
      await page.close();
    });
  });

  describe('opened by a real client (LibreOffice Impress, headless)', () => {
    const lo = join(root, 'lo');
    const pdfs = new Map<Mode, string>();
    beforeAll(async () => {
      const fonts = await officeFonts(file(name('bi', 'html')), join(root, 'fonts'), { 'Microsoft JhengHei': 'Noto Sans HK', Calibri: 'Noto Sans' });
      officeToPdf(MODES.map((m) => file(name(m, 'pptx'))), lo, fonts).forEach((pdf, i) => pdfs.set(MODES[i] as Mode, pdf));
    }, 240_000);

    it('shows as many pages as the PDF, each 16:9', () => {
      for (const mode of MODES) {
        const info = pdfInfo(pdfs.get(mode) as string);
        expect(info['Pages'], mode).toBe(pdfInfo(file(name(mode, 'pdf')))['Pages']);
        expect(info['Page size'], mode).toMatch(/^960(\.\d+)? x 540 pts/);
      }
    });

    it('shows every text of the deck', () => {
      for (const mode of MODES) {
        const text = squash(pdfText(pdfs.get(mode) as string));
        const missing = result.project.model.segments
          .filter((s) => s.kind !== 'notes' && s.slide > 0)
          .flatMap((s) => langsOf(mode).map((l) => ({ id: `${s.id}.${l}`, want: squash(plainText(s.text[l])) })))
          .filter((s) => !text.includes(s.want))
          .map((s) => s.id);
        expect(missing, mode).toEqual([]);
      }
    });

    it('keeps every word inside its slide', () => {
      for (const mode of MODES) {
        const { pages, words } = pdfWords(pdfs.get(mode) as string);
        const outside = words.filter((w) => {
          const p = pages[w.page - 1];
          return !p || w.x0 < -0.5 || w.y0 < -0.5 || w.x1 > p.w + 0.5 || w.y1 > p.h + 0.5;
        });
        expect(words.length, mode).toBeGreaterThan(100);
        expect(outside.map((w) => `page ${w.page}: ${w.text}`), mode).toEqual([]);
      }
    });
  });
});
