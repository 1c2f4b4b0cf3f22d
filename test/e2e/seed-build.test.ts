import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument, PDFName } from 'pdf-lib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import type { BuildResult } from '../../src/pipeline/build.js';
import { plainText } from '../../src/render/markdown.js';
import { openDeck, startBrowser } from '../helpers/browser.js';
import { pdfFonts, pdfInfo, pdfText } from '../helpers/pdf.js';
import { SEED_DECK, seedLines, squash } from '../helpers/seed.js';

/** The seed deck built once with the real Chromium, then read back as a user would. */
describe('seed deck, end to end', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'bideck-e2e-')), 'dist');
  let result: BuildResult;
  let browser: Browser;
  const file = (name: string) => join(out, name);

  beforeAll(async () => {
    result = await build({ deckPath: SEED_DECK, outDir: out });
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('writes the HTML deck and PDF of every mode', () => {
    const names = result.files.map((f) => f.slice(out.length + 1)).sort();
    expect(names).toEqual([
      'itib-budget-2023-24.en.html', 'itib-budget-2023-24.en.pdf',
      'itib-budget-2023-24.html', 'itib-budget-2023-24.layout.json', 'itib-budget-2023-24.pdf',
      'itib-budget-2023-24.zh.html', 'itib-budget-2023-24.zh.pdf',
      'review.html',
    ]);
    expect(readFileSync(file('itib-budget-2023-24.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('has one 1280×720 page per slide', () => {
    for (const name of ['itib-budget-2023-24.pdf', 'itib-budget-2023-24.zh.pdf', 'itib-budget-2023-24.en.pdf']) {
      const info = pdfInfo(file(name));
      expect(info['Pages']).toBe('11');
      expect(info['Page size']).toMatch(/^960 x 540 pts/); // 1280×720 CSS px
    }
  });

  it('holds every line of the seed as selectable text', () => {
    const text = squash(pdfText(file('itib-budget-2023-24.pdf')));
    expect(seedLines().filter((l) => !text.includes(squash(l)))).toEqual([]);
  });

  it('holds the text of every data segment, page by page', () => {
    const pdf = file('itib-budget-2023-24.pdf');
    const pages = new Map<number, string>();
    const missing: string[] = [];
    for (const seg of result.project.model.segments) {
      if (seg.slide === 0 || seg.kind === 'notes') continue;
      if (!pages.has(seg.slide)) pages.set(seg.slide, squash(pdfText(pdf, seg.slide)));
      for (const lang of ['zh', 'en'] as const) {
        const want = squash(plainText(seg.text[lang]));
        if (!pages.get(seg.slide)?.includes(want)) missing.push(`${seg.id}.${lang} (page ${seg.slide})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('embeds only subsets of the brand fonts: no Type 3, no system fallback', () => {
    for (const name of ['itib-budget-2023-24.pdf', 'itib-budget-2023-24.zh.pdf', 'itib-budget-2023-24.en.pdf']) {
      const fonts = pdfFonts(file(name));
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) {
        expect(f.name).toMatch(/^[A-Z]{6}\+NotoSans(HK)?-(Regular|Bold)$/);
        expect(f.type).toBe('CID TrueType');
        expect(f.embedded && f.subset).toBe(true);
      }
    }
  });

  it('carries title, language metadata and one bookmark per area', async () => {
    const info = pdfInfo(file('itib-budget-2023-24.en.pdf'));
    expect(info['Title']).toBe('2023-24 Budget Key initiatives under ITIB');
    expect(info['Author']).toBe('Innovation, Technology and Industry Bureau');
    expect(info['Tagged']).toBe('yes');
    for (const [name, lang] of [['itib-budget-2023-24.pdf', 'zh-Hant-HK'], ['itib-budget-2023-24.zh.pdf', 'zh-Hant-HK'], ['itib-budget-2023-24.en.pdf', 'en']] as const) {
      const doc = await PDFDocument.load(readFileSync(file(name)));
      expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe(`(${lang})`);
      expect(doc.catalog.has(PDFName.of('Outlines'))).toBe(true);
    }
    // Bookmark titles are text in the PDF; poppler does not list them, so read them via pdf-lib.
    const { outlineTitles } = await import('../helpers/outline.js');
    const titles = await outlineTitles(file('itib-budget-2023-24.en.pdf'));
    expect(titles.filter((t) => /^\d\. /.test(t))).toEqual([
      '1. Develop digital infrastructure and promote digital transformation',
      "2. Consolidate Hong Kong's strengths in scientific research and promote development of technology industries",
      '3. Nurture technology start-ups and talents',
      '4. Develop I&T infrastructure and promote “new industrialisation”',
    ]);
  });

  it('fits every slide in its 1280×720 box, in every mode (measured in the browser)', async () => {
    for (const mode of ['bi', 'zh', 'en']) {
      const { page } = await openDeck(browser, file('itib-budget-2023-24.html'), `?print-pdf&lang=${mode}`);
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        for (const s of Array.from(document.querySelectorAll<HTMLElement>('section.slide'))) {
          const box = s.getBoundingClientRect();
          if (Math.round(box.width) !== 1280 || Math.round(box.height) !== 720) out.push(`${s.id}: box ${box.width}×${box.height}`);
          for (const el of Array.from(s.querySelectorAll<HTMLElement>('*'))) {
            if (el.closest('aside.notes') || el.offsetParent === null) continue;
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
              out.push(`${s.id}: <${el.tagName.toLowerCase()} class="${el.className}"> leaves the slide`);
            }
            const style = getComputedStyle(el);
            const clips = style.overflow !== 'visible';
            if ((clips || el.matches('.body, .initiative, .initiative__body')) && el.scrollHeight > el.clientHeight + 1) {
              out.push(`${s.id}: <${el.tagName.toLowerCase()} class="${el.className}"> overflows by ${el.scrollHeight - el.clientHeight}px`);
            }
          }
        }
        return out;
      });
      expect(problems, `mode ${mode}`).toEqual([]);
      await page.close();
    }
    expect(result.overflowing).toEqual({ bi: [], zh: [], en: [] });
  });

  it('keeps the title and closing slides off the page edge in print (regression: reveal.js print CSS zeroed their padding)', async () => {
    const { page } = await openDeck(browser, file('itib-budget-2023-24.html'), '?print-pdf&lang=bi');
    const margins = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('section.slide--title, section.slide--closing')).map((s) => {
        const box = s.getBoundingClientRect();
        const texts = Array.from(s.querySelectorAll<HTMLElement>('.t-zh, .t-en')).filter((t) => t.getClientRects().length > 0);
        return Math.min(...texts.map((t) => t.getBoundingClientRect().left - box.left));
      }),
    );
    expect(margins).toHaveLength(2);
    for (const m of margins) expect(m).toBeGreaterThanOrEqual(60);
    await page.close();
  });

  it('puts each language in its own block with its lang attribute', async () => {
    const { page } = await openDeck(browser, file('itib-budget-2023-24.html'));
    const langs = await page.evaluate(() => {
      const blocks = Array.from(document.querySelectorAll<HTMLElement>('.slides .t-zh, .slides .t-en'));
      return {
        count: blocks.length,
        wrong: blocks.filter((b) => b.lang !== (b.classList.contains('t-zh') ? 'zh-Hant-HK' : 'en')).length,
        inline: blocks.filter((b) => !['block', 'flex', 'list-item', 'none'].includes(getComputedStyle(b).display)).length,
        // Chinese line height ≥ 1.5, strict CJK line breaking
        zhLineHeight: Math.min(...blocks.filter((b) => b.classList.contains('t-zh') && b.getClientRects().length > 0).map((b) => parseFloat(getComputedStyle(b).lineHeight) / parseFloat(getComputedStyle(b).fontSize))),
        zhLineBreak: [...new Set(blocks.filter((b) => b.classList.contains('t-zh')).map((b) => getComputedStyle(b).lineBreak))],
        enFont: [...new Set(blocks.filter((b) => b.classList.contains('t-en')).map((b) => getComputedStyle(b).fontFamily.split(',')[0]))],
      };
    });
    expect(langs.count).toBeGreaterThan(100);
    expect(langs.wrong).toBe(0);
    expect(langs.inline).toBe(0);
    expect(langs.zhLineHeight).toBeGreaterThanOrEqual(1.5);
    expect(langs.zhLineBreak).toEqual(['strict']);
    expect(langs.enFont).toEqual(['"bideck en"']);
    await page.close();
  });

  it('opens from file:// and makes no request outside its own file', async () => {
    const deck = file('itib-budget-2023-24.html');
    const { page, requests } = await openDeck(browser, deck, '', '#/5');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await new Promise((r) => setTimeout(r, 300));
    const own = pathToFileURL(deck).href;
    expect(requests.filter((u) => u.split(/[?#]/)[0] !== own && !u.startsWith('data:'))).toEqual([]);
    expect(await page.evaluate(() => document.fonts.check('16px "bideck zh"', '衞') || document.fonts.size > 0)).toBe(true);
    await page.close();
  });

  it('stays small: one self-contained HTML deck under 1.5 MB', () => {
    expect(statSync(file('itib-budget-2023-24.html')).size).toBeLessThan(1.5 * 1024 * 1024);
  });
});
