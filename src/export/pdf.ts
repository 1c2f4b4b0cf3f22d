import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { BideckError } from '../errors.js';
import type { Mode } from '../render/deck.js';

export interface PdfResult {
  pdf: Uint8Array;
  /** Slide ids whose content still overflows its box at the smallest fit. */
  overflowing: string[];
  /** Requests the deck tried to make outside its own file (always blocked). */
  blocked: string[];
  pages: number;
}

export interface PdfOptions {
  mode: Mode;
  timeoutMs?: number;
}

/**
 * One deck file → one PDF, from reveal.js's print view with a single `page.pdf()`.
 * Every request but the deck's own file is aborted: export never touches the network.
 */
export async function exportPdf(browser: Browser, htmlFile: string, options: PdfOptions): Promise<PdfResult> {
  const timeout = options.timeoutMs ?? 60_000;
  const fileUrl = pathToFileURL(htmlFile).href;
  const page = await browser.newPage();
  const blocked: string[] = [];
  try {
    await blockForeignRequests(page, fileUrl, blocked);
    await page.setViewport({ width: 1280, height: 720 });
    const url = `${fileUrl}?print-pdf&lang=${options.mode}`;
    await page.goto(url, { waitUntil: 'load', timeout });
    await page.waitForFunction('window.bideckReady === true', { timeout });
    const facts = await page.evaluate(() => ({
      overflowing: Array.from(document.querySelectorAll('section.slide[data-overflow]')).map((s) => s.id),
      pages: document.querySelectorAll('.pdf-page').length,
    }));
    const pdf = await page.pdf({
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: false, // bideck writes its own bookmarks (export/outline.ts)
      timeout,
    });
    return { pdf, blocked, ...facts };
  } catch (cause) {
    if (cause instanceof BideckError) throw cause;
    const message = (cause as Error).message;
    const timedOut = /timeout|timed out/i.test(message);
    throw new BideckError(
      'export',
      timedOut
        ? `PDF export of the ${options.mode} deck timed out after ${Math.round(timeout / 1000)} s`
        : `PDF export of the ${options.mode} deck failed: ${message}`,
      { cause },
    );
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function blockForeignRequests(page: Page, fileUrl: string, blocked: string[]): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    const own = url.split(/[?#]/)[0] === fileUrl || url.startsWith('data:');
    if (own) void request.continue();
    else {
      blocked.push(url);
      void request.abort('blockedbyclient');
    }
  });
}
