import { launch } from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { pathToFileURL } from 'node:url';
import { findBrowser, launchArgs } from '../../src/export/browser.js';

/** The real installed Chromium, as bideck itself finds and starts it. */
export function startBrowser(): Promise<Browser> {
  return launch({ executablePath: findBrowser(), headless: true, args: launchArgs() });
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
