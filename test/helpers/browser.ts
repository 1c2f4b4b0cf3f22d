import { connect } from 'puppeteer-core';
import { inject } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { pathToFileURL } from 'node:url';

/**
 * The real installed Chromium, as bideck itself finds and starts it, shared by the test files
 * (helpers/shared-browser.ts). Each file works in a browser context of its own, so files that
 * run at once (two forks, vitest.config.ts) neither see nor close each other's tabs. `close()`
 * on what this returns closes that context and disconnects; the browser stays up.
 */
export async function startBrowser(): Promise<Browser> {
  const browser = await connect({ browserWSEndpoint: inject('browserWSEndpoint'), defaultViewport: null });
  const context = await browser.createBrowserContext();
  browser.newPage = (options) => context.newPage(options);
  browser.close = async () => {
    await context.close().catch(() => undefined);
    await browser.disconnect();
  };
  return browser;
}

export interface OpenedDeck {
  page: Page;
  /** Every URL the page asked for. */
  requests: string[];
}

/** Open a built deck from file://, record every request, wait until bideck says it is ready. */
export async function openDeck(browser: Browser, file: string, query = '', hash = ''): Promise<OpenedDeck> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${pathToFileURL(file).href}${query}${hash}`, { waitUntil: 'load' });
  await page.waitForFunction('window.bideckReady === true', { timeout: 30_000 });
  return { page, requests };
}
