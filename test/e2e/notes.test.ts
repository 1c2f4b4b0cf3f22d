import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page, Target } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { serve } from '../../src/serve/serve.js';
import type { ServeHandle } from '../../src/serve/serve.js';
import { openDeck, startBrowser } from '../helpers/browser.js';
import { SEED_DECK } from '../helpers/seed.js';
import { copySeed } from '../helpers/seed-copy.js';

/** reveal.js on the page, as far as these tests use it. */
type RevealWindow = { Reveal: { getIndices(): { h: number }; isOverview(): boolean } };

const NOTES_ZH = '開場：說明各項措施如何配合《香港創新科技發展藍圖》。';
const NOTES_EN = 'Opening: how the measures follow the Hong Kong I&T Development Blueprint.';

/** Press S on a deck page; return the speaker view popup once it shows the current slide. */
async function openSpeakerView(page: Page): Promise<Page> {
  // The page's own context: another test file's tabs open in the same browser meanwhile.
  const target = new Promise<Target>((resolve) => page.browserContext().once('targetcreated', resolve));
  await page.keyboard.press('s');
  const popup = await (await target).page();
  if (!popup) throw new Error('the speaker view opened no page');
  // Connected: the notes plugin hides the status line and fills the two preview frames.
  await popup.waitForFunction(
    () =>
      (document.querySelector<HTMLElement>('#connection-status')?.style.display === 'none') &&
      document.querySelectorAll('iframe').length === 2,
    { timeout: 15_000 },
  );
  return popup;
}

async function notesShown(popup: Page): Promise<{ visible: boolean; text: string; langs: string[] }> {
  return popup.$eval('.speaker-controls-notes', (el) => ({
    visible: !el.classList.contains('hidden'),
    text: el.querySelector('.value')?.textContent ?? '',
    langs: Array.from(el.querySelectorAll('.value [lang]')).map((p) => p.getAttribute('lang') ?? ''),
  }));
}

/** Each preview frame's deck: ready, and which slide it shows. */
async function previews(popup: Page): Promise<number[]> {
  const frames = popup.frames().filter((f) => f !== popup.mainFrame());
  return Promise.all(
    frames.map(async (f) => {
      await f.waitForFunction('window.bideckReady === true', { timeout: 15_000 });
      return f.evaluate(() => (window as unknown as RevealWindow).Reveal.getIndices().h);
    }),
  );
}

describe('speaker notes and presenting', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'bideck-notes-')), 'dist');
  const file = join(out, 'itib-budget-2023-24.html');
  let browser: Browser;
  let handle: ServeHandle | undefined;

  beforeAll(async () => {
    await build({ deckPath: SEED_DECK, outDir: out, pdf: false, modes: ['bi'] });
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await handle?.close();
  });

  it('shows the bilingual notes in the speaker view (S) of the built file, offline', async () => {
    const { page, requests } = await openDeck(browser, file, '', '#/1');
    const popup = await openSpeakerView(page);
    const popupRequests: string[] = [];
    popup.on('request', (r) => popupRequests.push(r.url()));
    await popup.waitForFunction((t) => document.querySelector('.speaker-controls-notes .value')?.textContent?.includes(t), { timeout: 10_000 }, NOTES_EN);
    const notes = await notesShown(popup);
    expect(notes.visible).toBe(true);
    expect(notes.text).toContain(NOTES_ZH);
    expect(notes.text).toContain(NOTES_EN);
    expect(notes.langs).toEqual(['zh-Hant-HK', 'en']);
    // Current and upcoming slide previews: the deck itself, under the deck's own CSP.
    expect(await previews(popup)).toEqual([1, 2]);

    // The next slide has no notes: the speaker view follows and hides them.
    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await popup.waitForFunction(() => document.querySelector('.speaker-controls-notes')?.classList.contains('hidden'), { timeout: 10_000 });
    const own = pathToFileURL(file).href;
    expect([...requests, ...popupRequests].filter((u) => u.split(/[?#]/)[0] !== own && !u.startsWith('data:') && u !== 'about:blank')).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('navigates by keyboard, opens the overview (Esc) and goes fullscreen (F), offline', async () => {
    const { page, requests } = await openDeck(browser, file);
    const state = () =>
      page.evaluate(() => ({
        h: (window as unknown as RevealWindow).Reveal.getIndices().h,
        overview: (window as unknown as RevealWindow).Reveal.isOverview(),
        fullscreen: document.fullscreenElement !== null,
      }));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await state()).h).toBe(2);
    await page.keyboard.press('ArrowLeft');
    expect((await state()).h).toBe(1);
    await page.keyboard.press('End');
    expect((await state()).h).toBe(10);
    await page.keyboard.press('Home');
    expect((await state()).h).toBe(0);
    await page.keyboard.press('Escape');
    expect((await state()).overview).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter'); // opens the selected slide
    expect(await state()).toMatchObject({ overview: false, h: 1 });
    // Fullscreen is granted to the page in front: another file's tab may have come forward.
    await page.bringToFront();
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement !== null, { timeout: 60_000 });
    // Leaving fullscreen (Esc) is the browser's own, outside the page: headless has no such UI.
    await page.evaluate(() => document.exitFullscreen());
    expect((await state()).h).toBe(1);
    const own = pathToFileURL(file).href;
    expect(requests.filter((u) => u.split(/[?#]/)[0] !== own && !u.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  it('shows the notes in the speaker view of a served deck too', async () => {
    const seed = copySeed('bideck-notes-serve-');
    handle = await serve({ deckPath: seed.deck, outDir: join(seed.dir, 'dist') });
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`${handle.url}#/1`, { waitUntil: 'load' });
    await page.waitForFunction('window.bideckReady === true', { timeout: 30_000 });
    const popup = await openSpeakerView(page);
    await popup.waitForFunction((t) => document.querySelector('.speaker-controls-notes .value')?.textContent?.includes(t), { timeout: 10_000 }, NOTES_ZH);
    expect((await notesShown(popup)).text).toContain(NOTES_EN);
    expect(await previews(popup)).toEqual([1, 2]);
    await popup.close();
    await page.close();
  });
});
