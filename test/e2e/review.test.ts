import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import type { BuildResult } from '../../src/pipeline/build.js';
import { plainText } from '../../src/render/markdown.js';
import { openDeck, startBrowser } from '../helpers/browser.js';
import { ROOT, SEED_DECK, squash } from '../helpers/seed.js';

const BROKEN = join(ROOT, 'test', 'fixtures', 'review-broken', 'deck.yaml');

/** The review page of the seed and of a deliberately broken deck, read in the real Chromium. */
describe('review page, end to end', () => {
  const out = mkdtempSync(join(tmpdir(), 'bideck-review-'));
  let seed: BuildResult;
  let broken: BuildResult;
  let browser: Browser;

  beforeAll(async () => {
    [seed, broken] = await Promise.all([
      build({ deckPath: SEED_DECK, outDir: join(out, 'seed'), pdf: false }),
      build({ deckPath: BROKEN, outDir: join(out, 'broken'), pdf: false }),
    ]);
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  interface Opened {
    page: Page;
    requests: string[];
    errors: string[];
  }
  async function openReview(which: 'seed' | 'broken', width = 1280): Promise<Opened> {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 900 });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(join(out, which, 'review.html')).href, { waitUntil: 'load' });
    await page.waitForFunction('window.bideckReviewReady === true', { timeout: 30_000 });
    return { page, requests, errors };
  }

  /** Visible text of each frame, by slide number and mode. */
  const frameTexts = (page: Page) =>
    page.$$eval('.rv-slide', (slides) =>
      slides.map((s) => ({
        number: Number((s as HTMLElement).dataset['slide']),
        zh: (s.querySelector('.rv-frame[data-mode="zh"] .slides') as HTMLElement).innerText,
        en: (s.querySelector('.rv-frame[data-mode="en"] .slides') as HTMLElement).innerText,
      })),
    );

  it('shows both languages of every slide of the seed, each in its own frame, offline and without errors', async () => {
    const { page, requests, errors } = await openReview('seed');
    const frames = await frameTexts(page);
    expect(frames.map((f) => f.number)).toEqual(seed.project.model.slides.map((s) => s.number));
    const missing: string[] = [];
    const leaked: string[] = [];
    for (const seg of seed.project.model.segments) {
      if (seg.kind === 'notes') continue;
      const frame = frames.find((f) => f.number === seg.slide);
      for (const lang of ['zh', 'en'] as const) {
        const other = lang === 'zh' ? 'en' : 'zh';
        if (!squash(frame?.[lang] ?? '').includes(squash(plainText(seg.text[lang])))) missing.push(`${seg.id}.${lang}`);
        if (squash(frame?.[other] ?? '').includes(squash(plainText(seg.text[lang])))) leaked.push(`${seg.id}.${lang} in the ${other} frame`);
      }
    }
    expect(missing).toEqual([]);
    expect(leaked).toEqual([]);
    // Every segment listed under its slide, both languages in its row.
    const rows = await page.$$eval('.rv-segments tbody tr', (trs) => trs.map((tr) => tr.id.slice(4)));
    expect(rows).toEqual(seed.project.model.segments.map((s) => s.id));
    const own = pathToFileURL(join(out, 'seed', 'review.html')).href;
    expect(requests.filter((u) => u !== own && !u.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays each frame out like the deck: the whole 1280×720 slide, scaled to its frame, fitted alike', async () => {
    const { page } = await openReview('broken');
    const frames = await page.$$eval('.rv-frame', (figs) =>
      figs.map((f) => {
        const viewport = f.querySelector('.rv-frame__viewport');
        const slide = f.querySelector('section.slide') as HTMLElement;
        const box = slide.getBoundingClientRect();
        return {
          mode: (f as HTMLElement).dataset['mode'] ?? '',
          fit: slide.dataset['fit'],
          // The slide fills the frame's inside exactly: nothing cut off, no gap.
          dx: Math.abs((viewport?.clientWidth ?? 0) - box.width) + Math.abs((viewport?.clientHeight ?? 0) - box.height),
          overflow: f.hasAttribute('data-overflow'),
        };
      }),
    );
    expect(frames.map((f) => f.dx).filter((d) => d >= 1)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    for (const mode of ['zh', 'en'] as const) {
      const deck = await openDeck(browser, join(out, 'broken', `review-broken.${mode}.html`));
      const deckFits = await deck.page.$$eval('section.slide', (s) => s.map((x) => (x as HTMLElement).dataset['fit']));
      await deck.page.close();
      expect(frames.filter((f) => f.mode === mode).map((f) => f.fit), mode).toEqual(deckFits);
    }
    // The dense slide carries the build's layout decision for every mode (data-fit="bi:… zh:…
    // en:…", src/layout/attributes.ts): the bilingual text shrunk a step, and every frame fits.
    const step = (f: { mode: string; fit: string | undefined }) => Number(new RegExp(`(?:^| )${f.mode}:([\\d.]+)`).exec(f.fit ?? '')?.[1]);
    expect(frames.slice(-2).every((f) => step(f) <= 1 && !f.overflow)).toBe(true);
    expect(step({ mode: 'bi', fit: frames.at(-1)?.fit })).toBeLessThan(1);
    await page.close();
  });

  it('flags the broken fixture\'s problems on their segments and slide', async () => {
    const { page } = await openReview('broken');
    const flags = await page.$$eval('.rv-segments tr', (trs) =>
      trs
        .filter((tr) => tr.querySelector('.rv-flag'))
        .map((tr) => ({
          segment: tr.id.slice(4),
          flags: Array.from(tr.querySelectorAll('.rv-flag')).map((f) => `${f.querySelector('.rv-flag__rule')?.textContent ?? ''} ${f.querySelector('.rv-flag__lang')?.textContent ?? ''}`),
          english: (tr.querySelector('td[lang="en"]') as HTMLElement).innerText,
        })),
    );
    expect(flags).toEqual([
      { segment: 'broken.empty.p1', flags: ['missing-translation EN'], english: 'empty' },
      { segment: 'broken.empty.funding', flags: ['amount-mismatch EN'], english: 'Earmark $300M' },
    ]);
    expect(broken.findings.map((f) => f.segment)).toEqual(['broken.empty.p1', 'broken.empty.funding']);
    const badges = await page.$$eval('.rv-slide', (s) => s.map((x) => x.querySelector('.rv-badge')?.textContent));
    expect(badges).toEqual(['No problems', '2 problems', 'No problems', 'No problems']);
    expect(await page.$eval('.rv-stats__warnings dd', (d) => d.textContent)).toBe('2');
    await page.close();
  });

  it('is usable by keyboard: the problems filter, j/k between slides, visible focus', async () => {
    const { page } = await openReview('broken');
    const state = () =>
      page.evaluate(() => ({
        shown: Array.from(document.querySelectorAll<HTMLElement>('.rv-slide')).filter((s) => !s.hidden).map((s) => Number(s.dataset['slide'])),
        focused: Number((document.activeElement as HTMLElement).closest<HTMLElement>('.rv-slide')?.dataset['slide'] ?? 0),
        ring: getComputedStyle(document.activeElement as Element).boxShadow !== 'none',
        hash: window.location.hash,
      }));
    await page.keyboard.press('j');
    expect(await state()).toMatchObject({ focused: 1, ring: true, hash: '#slide-1' });
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowRight');
    expect(await state()).toMatchObject({ focused: 3, hash: '#slide-3' });
    await page.keyboard.press('k');
    expect(await state()).toMatchObject({ focused: 2 });
    // The filter checkbox is reached by Tab and toggled by Space; j/k then skip hidden slides.
    await page.focus('.rv-skip');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rv-only-problems');
    await page.keyboard.press('Space');
    expect((await state()).shown).toEqual([2]);
    await page.keyboard.press('j');
    expect(await state()).toMatchObject({ focused: 2 });
    await page.keyboard.press('j');
    expect(await state()).toMatchObject({ focused: 2 });
    // f toggles it back from anywhere.
    await page.keyboard.press('f');
    expect((await state()).shown).toEqual([1, 2, 3, 4]);
    await page.keyboard.press('j');
    expect(await state()).toMatchObject({ focused: 3 });
    // A chip jumps to its slide and j/k go on from there.
    await page.click('.rv-chip[data-slide="1"]');
    await page.waitForFunction(() => (document.activeElement as HTMLElement).id === 'slide-1');
    await page.keyboard.press('j');
    expect(await state()).toMatchObject({ focused: 2 });
    await page.close();
  });
});
