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
  /** Pages to keep, e.g. `3-7` or `1,3-5`; the print view has one page per slide. */
  pageRanges?: string;
}

/**
 * One deck file → one PDF, from reveal.js's print view with a single `page.pdf()`.
 * Every request but the deck's own file is aborted: export never touches the network.
 */
export async function exportPdf(browser: Browser, htmlFile: string, options: PdfOptions): Promise<PdfResult> {
  const timeout = options.timeoutMs ?? 60_000;
  const page = await browser.newPage();
  const blocked: string[] = [];
  try {
    await openPrintView(page, htmlFile, options.mode, timeout, blocked);
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
      ...(options.pageRanges ? { pageRanges: options.pageRanges } : {}),
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

/** Load a deck file in reveal.js's print view, in one mode, offline, and wait until it is laid out. */
export async function openPrintView(page: Page, htmlFile: string, mode: Mode, timeout: number, blocked: string[]): Promise<void> {
  const fileUrl = pathToFileURL(htmlFile).href;
  await blockForeignRequests(page, fileUrl, blocked);
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(`${fileUrl}?print-pdf&lang=${mode}`, { waitUntil: 'load', timeout });
  await page.waitForFunction('window.bideckReady === true', { timeout });
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
