import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import createDebug from 'debug';
import { BideckError } from '../errors.js';
import { openPage } from './browser.js';
import { pruneBreaks, pruneFromLines, prunedWhenParsed, pruneWhenParsed, restoredBlocks, verifyBreaks } from './breaks.js';
import type { PrunedBreaks } from './breaks.js';
import type { CheckedPrint, PhraseLines } from '../layout/types.js';
import { prepareTags, tagWhenParsed } from './tags.js';
import type { Mode } from '../render/deck.js';

const debug = createDebug('bideck:pdf');

export interface PdfResult {
  mode: Mode;
  pdf: Uint8Array;
  /** Requests the deck tried to make outside its own file (always blocked). */
  blocked: string[];
  pages: number;
  /**
   * Printed from the layout stage's record and checked (not trusted): the blocks (indices) given
   * back their phrase breaks so far, in this mode or one printed before it from the same page.
   */
  whole?: number[];
}

export interface PdfOptions {
  /** The modes to print, in order; each becomes one PDF. */
  modes: readonly Mode[];
  /** The document title of each mode (becomes the PDF's Title). */
  titles: Readonly<Partial<Record<Mode, string>>>;
  timeoutMs?: number;
  /** Pages to keep, e.g. `3-7` or `1,3-5`; the print view has one page per slide. */
  pageRanges?: string;
  /** Tagged (accessible) PDFs unless false: `--draft` proofs skip the structure tree. */
  tagged?: boolean;
  /** Called with each PDF as soon as it is printed, while the next one prints. */
  onPdf?: (result: PdfResult) => Promise<void>;
  /** Called once the last mode has printed, before its `onPdf` is called: the browser's part is done. */
  onPrinted?: () => void;
  /** Called once each mode is laid out, before it prints: measure it there (export/boxes.ts). */
  onLaidOut?: (page: Page, mode: Mode) => Promise<void>;
  /** The layout stage's record of where lines break: unused phrase breaks go without measuring. */
  lines?: PhraseLines;
  /** A print of these modes that checked that record: it is trusted, each mode printed unchecked. */
  checked?: CheckedPrint;
  /**
   * Node's own work to do while the browser prints the first mode (the build writes its review
   * page then): started once `page.pdf()` is asked for; a failure fails the export.
   */
  whilePrinting?: () => Promise<unknown>;
}

/** A deck already open in its print view (the layout stage's page) and what it tried to request. */
export interface PrintView {
  page: Page;
  blocked: string[];
  /**
   * Its unused phrase breaks being pruned for these modes (prepareView): from a record a print of
   * them checked before (`trusted`: nothing to check), from the layout stage's record, or measured
   * here; the last two are checked mode by mode before printing.
   */
  pruning?: Promise<'trusted' | 'recorded' | 'measured'>;
  /** Its unused phrase breaks already pruned from the layout stage's record as it was parsed. */
  pruned?: PrunedBreaks;
}

export interface ViewOptions {
  timeoutMs?: number;
  /** Requests the deck tried to make outside its own file, collected here. */
  blocked?: string[];
  /** Tagged unless false (`--draft`): the tags are prepared as the document is parsed. */
  tagged?: boolean;
  /** The layout stage's record, with `modes`: the phrase breaks no line of them uses go as the document is parsed. */
  lines?: PhraseLines;
  modes?: readonly Mode[];
  /** A print of the same modes that checked the record (its blocks kept whole stay whole). */
  checked?: CheckedPrint;
  /**
   * With a checked record, and nothing to measure in the page before it prints: only the pages
   * in view are laid out until `page.pdf()` lays out all of them (deck.css `bideck-lazy`).
   */
  lazy?: boolean;
  /**
   * Called once the browser has the deck file: it parses and lays the slides out on its own from
   * there, so Node is free to work (the build runs its QA checks then).
   */
  served?: () => void;
}

/** How {@link openPrintView} loads the deck. */
export interface PrintViewLoad {
  timeout: number;
  /** Requests the deck tried to make outside its own file, collected here. */
  blocked: string[];
  /** The layout stage's pass (src/layout/stage.ts), in which the deck fits nothing itself. */
  measure?: boolean;
  /** Pages out of view laid out only by `page.pdf()` (ViewOptions.lazy). */
  lazy?: boolean;
  /** Called once the deck file is served (ViewOptions.served). */
  served?: () => void;
}

/**
 * Start on what printing needs before the first `page.pdf()`, so the browser does it while the
 * build writes the review page: the first mode's tags (export/tags.ts), then pruning the phrase
 * breaks no line uses (export/breaks.ts): from the layout stage's record where there is one (or
 * already done as the page was parsed), else measured as the tags leave the text.
 */
export function prepareView(view: PrintView, modes: readonly Mode[], tagged = true, lines?: PhraseLines, checked?: CheckedPrint): PrintView {
  const start = performance.now();
  const prune = async (): Promise<'trusted' | 'recorded' | 'measured'> => {
    const recorded = view.pruned ?? (lines && (await pruneFromLines(view.page, lines, modes, checked?.whole)));
    // Measuring needs every page laid out: a lazy view (openView) becomes a whole one.
    if (!recorded) await view.page.evaluate(() => document.documentElement.classList.remove('bideck-lazy'));
    const pruned = recorded ?? (await pruneBreaks(view.page, modes));
    const how = recorded === undefined ? 'measured' : checked ? 'trusted' : 'recorded';
    debug('tags and phrase breaks %o (%s) in %d ms', pruned, how, Math.round(performance.now() - start));
    return how;
  };
  const pruning = (tagged ? prepareTags(view.page) : Promise.resolve()).then(prune);
  pruning.catch(() => undefined); // awaited, and reported, by printDeck
  return { ...view, pruning };
}

/**
 * One deck file (or the same deck already open: `PrintView`) → one PDF per mode, each from
 * bideck's print view (boot.js: one page box a slide) with a single `page.pdf()`. The print
 * view is loaded once; switching mode only switches the language shown (sizes come from the
 * layout plan), so three modes cost one page load (the same page the presenter's `L` key
 * switches).
 * Every request but the deck's own file is aborted: export never touches the network.
 */
export async function printDeck(browser: Browser, source: string | PrintView, options: PdfOptions): Promise<PdfResult[]> {
  const timeout = options.timeoutMs ?? 60_000;
  const blocked: string[] = typeof source === 'string' ? [] : source.blocked;
  let page: Page | undefined = typeof source === 'string' ? undefined : source.page;
  const [first] = options.modes;
  if (!first) return [];
  let current: Mode = first;
  try {
    const tagged = options.tagged !== false;
    const lines = options.lines;
    const view = typeof source === 'string'
      ? prepareView(
        await openView(browser, source, first, { timeoutMs: timeout, blocked, tagged, ...(lines ? { lines, modes: options.modes, lazy: !options.onLaidOut } : {}), ...(options.checked ? { checked: options.checked } : {}) }),
        options.modes,
        tagged,
        lines,
        options.checked,
      )
      : source;
    page = view.page;
    const pruned = await (view.pruning ?? prepareView(view, options.modes, tagged, lines, options.checked).pruning);
    const results: PdfResult[] = [];
    const pending: Promise<void>[] = [];
    for (const mode of options.modes) {
      current = mode;
      const started = performance.now();
      const facts = await page.evaluate(
        (m: string, title: string | null) => {
          const w = window as unknown as { bideckSetMode(m: string): void };
          // A lazy view lays every page out at a switch of mode (boot.js setMode).
          if (document.documentElement.dataset['mode'] !== m) w.bideckSetMode(m);
          if (title !== null) document.title = title;
          return {
            pages: document.querySelectorAll('.reveal .slides section.slide').length,
          };
        },
        mode,
        options.titles[mode] ?? null,
      );
      // Pruned from a record a print of these modes checked before: trusted.
      const restored = pruned === 'trusted' ? 0 : await verifyBreaks(page, mode);
      if (restored) debug('%s: %d blocks kept every phrase break', mode, restored);
      if (options.tagged !== false) await prepareTags(page);
      if (options.onLaidOut) await options.onLaidOut(page, mode);
      const switched = performance.now();
      const printing = page.pdf({
        printBackground: true,
        preferCSSPageSize: true,
        tagged: options.tagged !== false,
        outline: false, // bideck writes its own bookmarks (export/outline.ts)
        timeout,
        ...(options.pageRanges ? { pageRanges: options.pageRanges } : {}),
      });
      const alongside = mode === first ? options.whilePrinting?.() : undefined;
      printing.catch(() => undefined); // awaited below, after the work alongside if that fails first
      await alongside;
      const pdf = await printing;
      debug('%s: switch %d ms, page.pdf %d ms, %d bytes', mode, Math.round(switched - started), Math.round(performance.now() - switched), pdf.length);
      const whole = pruned === 'recorded' ? await restoredBlocks(page) : undefined;
      const result = { mode, pdf, blocked, ...facts, ...(whole ? { whole } : {}) };
      results.push(result);
      // The browser's part is done before Node's work on the last PDF starts.
      if (results.length === options.modes.length) options.onPrinted?.();
      if (options.onPdf) pending.push(options.onPdf(result));
    }
    await Promise.all(pending);
    return results;
  } catch (cause) {
    throw exportError(cause, current, timeout);
  } finally {
    await page?.close().catch(() => undefined);
  }
}

/** A failure while opening or printing a mode's deck, as the export reports it. */
function exportError(cause: unknown, mode: Mode, timeoutMs: number): BideckError {
  if (cause instanceof BideckError) return cause;
  const message = (cause as Error).message;
  return new BideckError(
    'export',
    /timeout|timed out/i.test(message)
      ? `PDF export of the ${mode} deck timed out after ${Math.round(timeoutMs / 1000)} s`
      : `PDF export of the ${mode} deck failed: ${message}`,
    { cause },
  );
}

/**
 * A deck file open in its print view in a tab of its own, ready to print (printDeck). A build
 * opens it while it writes the review page: the browser lays the deck out meanwhile.
 */
export async function openView(browser: Browser, htmlFile: string, mode: Mode, options: ViewOptions = {}): Promise<PrintView> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const blocked = options.blocked ?? [];
  let page: Page | undefined;
  try {
    page = await openPage(browser);
    if (options.tagged !== false) await tagWhenParsed(page);
    if (options.lines && options.modes) await pruneWhenParsed(page, options.lines, options.modes, options.checked?.whole);
    const start = performance.now();
    const lazy = Boolean(options.lazy && options.checked && options.lines && options.modes);
    await openPrintView(page, htmlFile, mode, { timeout: timeoutMs, blocked, lazy, ...(options.served ? { served: options.served } : {}) });
    const marks = await page.evaluate('window.bideckMarks').catch(() => undefined);
    debug('print view %d ms %o', Math.round(performance.now() - start), marks);
    const pruned = options.lines ? await prunedWhenParsed(page) : undefined;
    return { page, blocked, ...(pruned ? { pruned } : {}) };
  } catch (cause) {
    await page?.close().catch(() => undefined);
    throw exportError(cause, mode, timeoutMs);
  }
}

/** Load a deck file in its print view (boot.js printView), in one mode, offline, and wait until it is laid out. */
export async function openPrintView(page: Page, htmlFile: string, mode: Mode, load: PrintViewLoad): Promise<void> {
  const { timeout, measure = false, lazy = false } = load;
  const fileUrl = pathToFileURL(htmlFile).href;
  await blockForeignRequests(page, fileUrl, load.blocked, load.served);
  await page.setViewport({ width: 1280, height: 720 });
  // Print media from the start: the first layout is already the one page.pdf() prints from,
  // so printing skips two relayouts of the whole document (≈ 2 s at 1,000 slides), and what
  // the layout stage measures is what prints.
  await page.emulateMediaType('print');
  await page.goto(`${fileUrl}?print-pdf&lang=${mode}${measure ? '&measure' : ''}${lazy ? '&lazy' : ''}`, { waitUntil: 'load', timeout });
  // puppeteer restores emulation on a page that changed process in navigating without waiting
  // for it: seen lost with a connected browser. The slides wait for their faces (boot.js), so
  // setting it again here still comes before they are laid out.
  if (!(await page.evaluate(() => window.matchMedia('print').matches))) await page.emulateMediaType('print');
  // An interval, not puppeteer's default animation-frame polling: a 1,000-slide print view
  // starves frames and the default noticed readiness ≈ 2 s late (issue 15).
  await page.waitForFunction('window.bideckReady === true', { timeout, polling: 50 });
}

/**
 * The print page's own Content-Security-Policy, sent by bideck as a response header, so it holds
 * whatever a template's <meta> says or leaves out: only inline code and data: URLs. Interception
 * cannot see WebSockets and a remote @font-face could hang the export (issue 10.10); under this
 * policy neither is even attempted. A template's own policy still applies on top (both must pass).
 */
export const PRINT_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline' data:",
  'img-src data:',
  'font-src data:',
  'media-src data:',
  "connect-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Most blocked requests kept per page: a template in a loop must not fill memory with warnings. */
const MAX_BLOCKED = 100;

/**
 * Offline export: the deck's own file is served with {@link PRINT_CSP}, `data:` passes, and every
 * other request is aborted. What the policy blocks never becomes a request, so the page reports
 * each violation; both kinds end up in `blocked`.
 */
export async function blockForeignRequests(page: Page, fileUrl: string, blocked: string[], served?: () => void): Promise<void> {
  const note = (url: string) => {
    if (!blocked.includes(url) && blocked.length < MAX_BLOCKED) blocked.push(url);
  };
  await page.exposeFunction('__bideckBlocked', (uri: unknown) => {
    // Only URLs: `inline` and `eval` are the template's own policy refusing its own code.
    if (typeof uri === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(uri)) note(uri);
  });
  // Runs before any of the page's scripts, outside its CSP.
  await page.evaluateOnNewDocument(`document.addEventListener('securitypolicyviolation', (e) => window.__bideckBlocked(e.blockedURI), true);`);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    const own = url.split(/[?#]/)[0] === fileUrl;
    if (own && request.isNavigationRequest()) void respondWithPolicy(request, fileUrl).finally(served);
    else if (url.startsWith('data:')) void request.continue();
    else {
      note(url);
      void request.abort('blockedbyclient');
    }
  });
}

async function respondWithPolicy(request: HTTPRequest, fileUrl: string): Promise<void> {
  try {
    const body = await readFile(fileURLToPath(fileUrl));
    await request.respond({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { 'Content-Security-Policy': PRINT_CSP },
      body,
    });
  } catch (cause) {
    debug('cannot serve %s: %o', fileUrl, cause);
    await request.abort('failed').catch(() => undefined);
  }
}
