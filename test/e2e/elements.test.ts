import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPrintView } from '../../src/export/pdf.js';
import { build } from '../../src/pipeline/build.js';
import type { BuildResult } from '../../src/pipeline/build.js';
import { MODES } from '../../src/render/deck.js';
import type { Mode } from '../../src/render/deck.js';
import { plainText } from '../../src/render/markdown.js';
import { EXAMPLE_DECK } from '../helpers/example.js';
import { startBrowser } from '../helpers/browser.js';
import { pdfFonts, pdfText } from '../helpers/pdf.js';
import { squash } from '../helpers/seed.js';

const file = (mode: Mode, ext: 'html' | 'pdf') => `budget-it-2025${mode === 'bi' ? '' : `.${mode}`}.${ext}`;

/** Each element, the slide that shows it, and the selector of what must be seen. */
const ELEMENTS: [string, string, string][] = [
  ['title extras', 'title', '.title-slide__subtitle, .title-slide__presenter, .title-slide__venue'],
  ['logo', 'title', '.title-slide__logo'],
  ['key figures', 'headline', '.figure'],
  ['source line', 'headline', '.slide-source'],
  ['divider', 'divider-ai', '.divider__heading'],
  ['divider written out', 'questions', '.divider__heading, .divider__sub'],
  ['heading', 'ai-measures', '.slide-heading'],
  ['label', 'ai-measures', '.initiative__label'],
  ['table', 'ai-table', '.data-table th, .data-table td'],
  ['chart from funding lines', 'industry-chart', '.chart svg text'],
  ['stacked chart', 'industry-stacked', '.chart svg path'],
  ['image', 'industry-photo', '.block--image img'],
  ['comparison', 'industry-compare', '.comparison__column'],
  ['timeline', 'industry-timeline', '.milestone'],
];

describe('the example deck with every element, in the real browser and PDF', () => {
  const out = mkdtempSync(join(tmpdir(), 'bideck-elements-'));
  let result: BuildResult;
  let browser: Browser;

  beforeAll(async () => {
    result = await build({ deckPath: EXAMPLE_DECK, outDir: out });
    browser = await startBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser.close();
  });

  it('fits every slide in all three modes', () => {
    expect(result.overflowing).toEqual({ bi: [], zh: [], en: [] });
  });

  for (const mode of MODES) {
    it(`shows each element, inside its slide, in the ${mode} deck`, async () => {
      const page = await browser.newPage();
      try {
        await openPrintView(page, join(out, file(mode, 'html')), mode, { timeout: 60_000, blocked: [] });
        for (const [name, slide, selector] of ELEMENTS) {
          const boxes = await page.evaluate(
            (id, sel) => {
              const section = document.getElementById(id);
              if (!section) return { error: 'no slide' };
              const s = section.getBoundingClientRect();
              const shown = Array.from(section.querySelectorAll(sel)).filter((el) => {
                const r = el.getBoundingClientRect();
                return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
              });
              const outside = shown.filter((el) => {
                const r = el.getBoundingClientRect();
                return r.left < s.left - 1 || r.top < s.top - 1 || r.right > s.right + 1 || r.bottom > s.bottom + 1;
              });
              return { shown: shown.length, outside: outside.length };
            },
            slide,
            selector,
          );
          expect(boxes, `${name} on ${slide}`).toMatchObject({ outside: 0 });
          expect((boxes as { shown: number }).shown, `${name} on ${slide}`).toBeGreaterThan(0);
        }
        // One chart drawing per mode: the other languages' drawings are not laid out.
        const charts = await page.evaluate(() => Array.from(document.querySelectorAll('#industry-stacked .chart')).filter((c) => c.getBoundingClientRect().height > 0).length);
        expect(charts).toBe(1);
      } finally {
        await page.close();
      }
    }, 90_000);
  }

  for (const mode of MODES) {
    it(`puts every text of the ${mode} deck in its PDF, chart labels and table amounts included`, () => {
      const pdf = join(out, file(mode, 'pdf'));
      const langs = mode === 'bi' ? (['zh', 'en'] as const) : ([mode] as const);
      const { model } = result.project;
      const missing: string[] = [];
      for (const seg of model.segments) {
        // Image alt text lives in the figure's tag, not the page's text; notes are not on slides.
        if (seg.kind === 'notes' || seg.slide === 0 || seg.kind === 'alt' || seg.id === 'meta.logo.alt') continue;
        const page = squash(pdfText(pdf, seg.slide));
        for (const l of langs) if (!page.includes(squash(plainText(seg.text[l])))) missing.push(`${seg.id}.${l}`);
      }
      expect(missing).toEqual([]);
      const all = squash(pdfText(pdf));
      const expected = {
        zh: ['逾350億元', '66.5億元', '26.5億元', '40億元', '100億元', '2024年2月', '2025年2月26日'],
        en: ['over$35B', '$6.65B', '$2.65B', '$4B', '$10B', 'February2024', '26February2025'],
      };
      for (const l of langs) for (const s of expected[l]) expect(all, s).toContain(s);
    });
  }

  it('draws chart text in the brand subsets only (pdffonts)', () => {
    for (const mode of MODES) {
      const fonts = pdfFonts(join(out, file(mode, 'pdf')));
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) expect(f.name, mode).toMatch(/^[A-Z]{6}\+NotoSans(HK)?-(Regular|Bold)$/);
    }
  });

  it('tags the table as Table/TR/TH/TD and the image as Figure in the PDF (Chromium tags real markup)', () => {
    const tags = execFileSync('pdfinfo', ['-struct', join(out, file('bi', 'pdf'))], { encoding: 'utf8' });
    for (const tag of ['Table', 'TR', 'TH', 'TD', 'Figure']) expect(tags).toMatch(new RegExp(`^\\s+${tag}\\b`, 'm'));
  });

  it('draws charts as vectors: no raster image on the chart slides of any PDF', () => {
    const { slides } = result.project.model;
    const pages = ['industry-chart', 'industry-stacked'].map((id) => String(slides.find((s) => s.id === id)?.number));
    for (const mode of MODES) {
      for (const p of pages) {
        const list = execFileSync('pdfimages', ['-list', '-f', p, '-l', p, join(out, file(mode, 'pdf'))], { encoding: 'utf8' });
        expect(list.trim().split('\n').slice(2), `${mode} page ${p}`).toEqual([]);
      }
    }
  });

  it('embeds images in the HTML as data: URIs and runs no chart script', () => {
    const html = readFileSync(join(out, file('bi', 'html')), 'utf8');
    expect(html).toContain('src="data:image/png;base64,');
    expect(html).toContain('src="data:image/svg+xml;base64,');
    const slides = /<div class="slides">([\s\S]*?)<nav class="mode-switch"/.exec(html)?.[1] ?? '';
    expect(slides).not.toMatch(/<script|\son(load|click|error)=/i);
  });
});

describe('a large photo costs each PDF its size once', () => {
  it('grows the PDF by no more than the JPEG, even shown on two slides', async () => {
    const dir = dirname(join(mkdtempSync(join(tmpdir(), 'bideck-photo-')), 'x', 'deck.yaml'));
    cpSync(dirname(EXAMPLE_DECK), dir, { recursive: true });
    const yaml = readFileSync(join(dir, 'deck.yaml'), 'utf8');
    const slide = (id: string, img: string) => `      - id: ${id}\n        blocks:\n          - type: image\n            file: ${img}\n            alt: {zh: 相片, en: Photo}\n`;
    const variant = (name: string, img: string) => {
      const text = yaml.replace('      - id: industry-compare\n', `${slide(`${name}-a`, img)}${slide(`${name}-b`, img)}      - id: industry-compare\n`);
      writeFileSync(join(dir, `${name}.yaml`), text);
      return join(dir, `${name}.yaml`);
    };
    const small = await build({ deckPath: variant('small', 'logo.svg'), outDir: join(dir, 'small'), modes: ['bi', 'en'], checks: false });
    // A real JPEG the size of a photo: a page of that PDF, rasterised by poppler.
    execFileSync('pdftoppm', ['-jpeg', '-r', '200', '-f', '9', '-l', '9', '-singlefile', join(dir, 'small', 'budget-it-2025.pdf'), join(dir, 'photo')]);
    const jpeg = statSync(join(dir, 'photo.jpg')).size;
    const big = await build({ deckPath: variant('big', 'photo.jpg'), outDir: join(dir, 'big'), modes: ['bi', 'en'], checks: false });
    expect(jpeg).toBeGreaterThan(100_000);
    for (const name of ['budget-it-2025.pdf', 'budget-it-2025.en.pdf']) {
      const grew = statSync(join(dir, 'big', name)).size - statSync(join(dir, 'small', name)).size;
      expect(grew, name).toBeLessThanOrEqual(jpeg * 1.05);
      expect(grew, name).toBeGreaterThan(jpeg * 0.5); // the photo is in it, once
    }
    expect(small.files.length).toBe(big.files.length);
  }, 240_000);
});
