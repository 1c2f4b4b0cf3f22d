import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../src/serve/serve.js';
import type { ServeHandle } from '../../src/serve/serve.js';
import { startBrowser } from '../helpers/browser.js';
import { copySeed } from '../helpers/seed-copy.js';

const TITLE = 'en: Digital Economy\n'; // on slide 4

/** Issue 12 point 4: /review updates on save, and the reader stays where they were. */
describe('bideck serve: live review page, in the real Chromium', () => {
  const seed = copySeed('bideck-serve-review-');
  const original = readFileSync(seed.deck, 'utf8');
  let handle: ServeHandle;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    handle = await serve({ deckPath: seed.deck, outDir: `${seed.dir}/dist` });
    browser = await startBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await handle?.close();
  });

  /** Which slide is at the top of the window, and how far into it. */
  const position = () =>
    page.evaluate(() => {
      const top = document.querySelector('.rv-bar')?.getBoundingClientRect().bottom ?? 0;
      const slide = [...document.querySelectorAll<HTMLElement>('.rv-slide')].find((s) => !s.hidden && s.getBoundingClientRect().bottom > top + 1);
      return { slide: slide?.id, offset: Math.round(top - (slide?.getBoundingClientRect().top ?? 0)) };
    });

  it('updates on save in place, on the same slide at the same scroll position', async () => {
    await page.goto(`${handle.url}review`, { waitUntil: 'load' });
    await page.waitForFunction('window.bideckReviewReady === true', { timeout: 30_000 });
    // The reader is 120 px into slide 5.
    await page.evaluate(() => {
      const s = document.getElementById('slide-5');
      const bar = document.querySelector('.rv-bar')?.getBoundingClientRect().bottom ?? 0;
      if (s) window.scrollTo(0, s.getBoundingClientRect().top + window.scrollY - bar + 120);
    });
    const before = await position();
    expect(before).toEqual({ slide: 'slide-5', offset: 120 });

    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    writeFileSync(seed.deck, original.replace(TITLE, 'en: Digital Economy, live\n'));
    await page.waitForFunction(() => document.documentElement.dataset['liveRestored'] !== undefined && document.body.textContent?.includes('Digital Economy, live'), { timeout: 20_000, polling: 100 });
    const after = await position();
    expect(after.slide).toBe('slide-5');
    expect(Math.abs(after.offset - 120)).toBeLessThanOrEqual(2);
    // A change of text only is swapped in place, as the deck's own pages do: no reload.
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  });

  it('a change the page cannot swap (a new slide) reloads it, and still puts the reader back', async () => {
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    const before = await position();
    const more = original.replace('outro:\n', 'outro:\n  - layout: statement\n    heading: { zh: 新增, en: Added slide }\n    paragraphs:\n      - { zh: 段落, en: A paragraph }\n');
    expect(more).not.toBe(original);
    writeFileSync(seed.deck, more);
    await page.waitForFunction(() => document.body.textContent?.includes('Added slide') && document.documentElement.dataset['liveRestored'] !== undefined, { timeout: 20_000, polling: 100 });
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBeUndefined();
    const after = await position();
    expect(after.slide).toBe(before.slide);
    expect(Math.abs(after.offset - before.offset)).toBeLessThanOrEqual(2);
  });

  it('shows a broken save as an error over the last good page', async () => {
    writeFileSync(seed.deck, original.replace(TITLE, 'en: [unclosed\n'));
    await page.waitForSelector('#bideck-error', { timeout: 20_000 });
    expect(await page.$eval('#bideck-error', (e) => e.textContent)).toContain('deck.yaml');
    writeFileSync(seed.deck, original);
    await page.waitForFunction(() => !document.body.textContent?.includes('Digital Economy, live') && document.documentElement.dataset['liveRestored'] !== undefined, { timeout: 20_000, polling: 100 });
  });
});
