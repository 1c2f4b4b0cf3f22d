import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import type { BuildResult } from '../../src/pipeline/build.js';
import type { Project } from '../../src/load/project.js';
import { plainText } from '../../src/render/markdown.js';
import { openDeck, startBrowser } from '../helpers/browser.js';
import { pdfInfo, pdfText } from '../helpers/pdf.js';
import { ROOT, SEED_DECK, squash } from '../helpers/seed.js';

/** Chinese script: ideographs, CJK punctuation (「」、。) and full-width forms (，：). */
const CHINESE = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFF65]/gu;
/** A run of Latin letters: "Web3" and "IT" in Chinese text are Latin words the 中文 deck keeps. */
const LATIN_WORD = /[A-Za-z]+/g;

/**
 * What one language's deck must show: every segment's text on its page. What it must not: any
 * Chinese in the English deck, any English word in the 中文 deck, except in the text of
 * segments marked `shared` (names both languages write the same way) or Latin words the
 * Chinese itself uses ("Web3", "IT").
 */
function checkLanguage(project: Project, pdf: string, lang: 'zh' | 'en'): { missing: string[]; foreign: string[] } {
  const { model, brand } = project;
  const text = pdfText(pdf);
  const missing: string[] = [];
  const pages = new Map<number, string>();
  for (const seg of model.segments) {
    if (seg.kind === 'notes' || seg.slide === 0) continue;
    if (!pages.has(seg.slide)) pages.set(seg.slide, squash(pdfText(pdf, seg.slide)));
    if (!pages.get(seg.slide)?.includes(squash(plainText(seg.text[lang])))) missing.push(`${seg.id} (page ${seg.slide})`);
  }
  const shared = model.segments.filter((s) => s.text.shared).map((s) => plainText(s.text[lang])).join('\n');
  const own = [...model.segments.map((s) => s.text.zh), ...model.areas.map((a) => a.title.zh), brand.wordmark.zh].join('\n');
  const ownWords = new Set<string>(own.match(LATIN_WORD) ?? []);
  const foreign =
    lang === 'en'
      ? [...new Set(text.match(CHINESE) ?? [])].filter((c) => !shared.includes(c))
      : [...new Set(text.match(LATIN_WORD) ?? [])].filter((w) => !ownWords.has(w) && !shared.includes(w));
  return { missing, foreign };
}

async function lang(file: string): Promise<string | undefined> {
  const doc = await PDFDocument.load(readFileSync(file));
  return doc.catalog.get(PDFName.of('Lang'))?.toString();
}

describe('language modes, end to end', () => {
  const out = mkdtempSync(join(tmpdir(), 'bideck-modes-'));
  let seed: BuildResult;
  let shared: BuildResult;
  let browser: Browser;

  beforeAll(async () => {
    seed = await build({ deckPath: SEED_DECK, outDir: join(out, 'seed') });
    shared = await build({ deckPath: join(ROOT, 'test', 'fixtures', 'modes-shared', 'deck.yaml'), outDir: join(out, 'shared'), modes: ['zh', 'en'] });
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const seedFile = (name: string) => join(out, 'seed', `itib-budget-2023-24${name}`);

  it('writes an HTML deck and a PDF per mode, named for the mode', () => {
    expect(seed.files.filter((f) => /\.(html|pdf)$/.test(f) && !f.endsWith('review.html')).map((f) => f.slice(out.length + 6)).sort()).toEqual([
      'itib-budget-2023-24.en.html', 'itib-budget-2023-24.en.pdf',
      'itib-budget-2023-24.html', 'itib-budget-2023-24.pdf',
      'itib-budget-2023-24.zh.html', 'itib-budget-2023-24.zh.pdf',
    ]);
  });

  it('the 中文 PDF holds all the Chinese and no English, in Chinese metadata', async () => {
    expect(checkLanguage(seed.project, seedFile('.zh.pdf'), 'zh')).toEqual({ missing: [], foreign: [] });
    expect(await lang(seedFile('.zh.pdf'))).toBe('(zh-Hant-HK)');
    expect(pdfInfo(seedFile('.zh.pdf'))['Title']).toBe('2023-24年度財政預算案 創新科技及工業局 相關重點措施');
  });

  it('the English PDF holds all the English and no Chinese, in English metadata', async () => {
    expect(checkLanguage(seed.project, seedFile('.en.pdf'), 'en')).toEqual({ missing: [], foreign: [] });
    expect(await lang(seedFile('.en.pdf'))).toBe('(en)');
    expect(pdfInfo(seedFile('.en.pdf'))['Title']).not.toMatch(CHINESE);
  });

  it('the bilingual PDF holds both, in the Chinese-first metadata of the seed', async () => {
    expect(checkLanguage(seed.project, seedFile('.pdf'), 'zh').missing).toEqual([]);
    expect(checkLanguage(seed.project, seedFile('.pdf'), 'en').missing).toEqual([]);
    expect(await lang(seedFile('.pdf'))).toBe('(zh-Hant-HK)');
  });

  it('names marked shared are the only other-language text a one-language PDF shows', () => {
    const pdf = (mode: string) => join(out, 'shared', `modes-shared.${mode}.pdf`);
    const en = checkLanguage(shared.project, pdf('en'), 'en');
    expect(en).toEqual({ missing: [], foreign: [] });
    expect(pdfText(pdf('en'))).toContain('智方便'); // shared: allowed, and there
    expect(pdfText(pdf('en'))).not.toContain('名稱');
    const zh = checkLanguage(shared.project, pdf('zh'), 'zh');
    expect(zh).toEqual({ missing: [], foreign: [] });
    expect(pdfText(pdf('zh'))).toContain('HKSTP Venture Fund'); // shared
    expect(pdfText(pdf('zh'))).toContain('Web3'); // the Chinese text's own Latin
    expect(pdfText(pdf('zh'))).not.toContain('ecosystem');
  });

  describe('switching live in the browser', () => {
    let page: Page;
    beforeAll(async () => {
      ({ page } = await openDeck(browser, seedFile('.html'), '', '#/4'));
    });
    afterAll(async () => {
      await page?.close();
    });

    /** What the audience sees now: the mode, the slide, and which language's text is visible. */
    const state = () =>
      page.evaluate(() => {
        const slide = document.querySelector<HTMLElement>('.reveal .slides section.present');
        const visible = (sel: string) => Array.from(slide?.querySelectorAll<HTMLElement>(sel) ?? []).filter((e) => e.getClientRects().length > 0).length;
        return {
          mode: document.documentElement.dataset['mode'],
          lang: document.documentElement.lang,
          slide: window.Reveal.getIndices().h,
          id: slide?.id,
          zh: visible('.t-zh') > 0,
          en: visible('.t-en') > 0,
          url: window.location.search + window.location.hash,
          pressed: Array.from(document.querySelectorAll<HTMLElement>('.mode-switch [aria-pressed="true"]')).map((b) => b.dataset['mode']),
        };
      });

    it('the L key cycles bilingual → 中文 → English → bilingual, and the slide stays put', async () => {
      expect(await state()).toMatchObject({ mode: 'bi', slide: 4, id: 'ai-and-iam-smart', zh: true, en: true });
      await page.keyboard.press('l');
      expect(await state()).toMatchObject({ mode: 'zh', lang: 'zh-Hant-HK', slide: 4, zh: true, en: false, url: expect.stringMatching(/^\?lang=zh#\/./), pressed: ['zh'] });
      const zhText = await page.$eval('section.present', (s) => (s as HTMLElement).innerText);
      expect(zhText).toContain('預留約2億元');
      expect(zhText).not.toContain('Earmark');
      await page.keyboard.press('L');
      expect(await state()).toMatchObject({ mode: 'en', lang: 'en', slide: 4, zh: false, en: true, url: expect.stringMatching(/^\?lang=en#\/./), pressed: ['en'] });
      const enText = await page.$eval('section.present', (s) => (s as HTMLElement).innerText);
      expect(enText).toContain('Earmark ~$200M');
      expect(enText).not.toMatch(CHINESE);
      await page.keyboard.press('l');
      expect(await state()).toMatchObject({ mode: 'bi', slide: 4, zh: true, en: true });
    });

    it('the switch buttons work by mouse and keyboard without taking the deck\'s keys', async () => {
      await page.click('.mode-switch button[data-mode="en"]');
      expect(await state()).toMatchObject({ mode: 'en', slide: 4 });
      // After a click the arrows still move the deck.
      await page.keyboard.press('ArrowRight');
      expect(await state()).toMatchObject({ mode: 'en', slide: 5 });
      // Keyboard: Enter on a focused button switches; Space presses it, it does not advance.
      await page.focus('.mode-switch button[data-mode="zh"]');
      expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).not.toBe('none');
      await page.keyboard.press('Enter');
      expect(await state()).toMatchObject({ mode: 'zh', slide: 5 });
      await page.keyboard.press('Space');
      expect(await state()).toMatchObject({ mode: 'zh', slide: 5 });
      expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset['mode'])).toBe('zh');
      await page.keyboard.press('ArrowLeft');
      expect(await state()).toMatchObject({ mode: 'zh', slide: 4 });
    });

    it('lists L in the help overlay, once', async () => {
      await page.evaluate(() => window.Reveal.toggleHelp(true));
      const rows = await page.$$eval('.r-overlay-help-content tr', (trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
      expect(rows).toContain('L Switch language 切換語言');
      expect(rows.filter((r) => /(^|, )L\b/.test(r))).toEqual(['L Switch language 切換語言']);
      await page.evaluate(() => window.Reveal.toggleHelp(false));
    });
  });

  it('?lang= picks the starting mode of any deck', async () => {
    const { page } = await openDeck(browser, seedFile('.html'), '?lang=en', '#/6');
    expect(await page.evaluate(() => [document.documentElement.dataset['mode'], document.documentElement.lang, window.Reveal.getIndices().h])).toEqual(['en', 'en', 6]);
    await page.close();
  });
});

declare global {
  interface Window {
    Reveal: { getIndices(): { h: number; v: number }; toggleHelp(show?: boolean): void };
  }
}
