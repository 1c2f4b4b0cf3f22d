import type { Browser, Page } from 'puppeteer-core';
import createDebug from 'debug';
import { BideckError } from '../errors.js';

const debug = createDebug('bideck:browser');

/** Offline and quiet: no sync, updates or background fetches that would try the network. */
export function launchArgs(): string[] {
  const args = [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--no-first-run',
    '--no-default-browser-check',
    '--font-render-hinting=none',
    // Headless Chromium 156 preloads and draws the address-bar popup: 1.5 s of CPU for
    // nothing a PDF shows (issue 15). puppeteer merges this with its own disabled features.
    '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
  ];
  // Chromium refuses to start sandboxed as root (containers, CI).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

const importPuppeteer = () => import('puppeteer-core');
let puppeteer: ReturnType<typeof importPuppeteer> | undefined;

/**
 * puppeteer, loaded once. Lazy: --help, `check` and HTML-only builds never pay for it. A PDF
 * build asks for it as it starts reading the deck, so that the browser starts the moment the
 * deck is read: loaded after the read, it held the start back ≈ 0.15 s, and the browser then
 * started only once the templates, fonts and layout hash were done (≈ 0.3 s more).
 */
export function loadPuppeteer(): ReturnType<typeof importPuppeteer> {
  return (puppeteer ??= importPuppeteer());
}

/** A launched browser and the one way to close it. */
export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Start the browser. puppeteer's own Ctrl-C handling (kill the browser, exit 130) suits a
 * build; a caller that shuts down on its own terms (`serve`) passes `ownSignals`.
 */
export async function launchBrowser(env = process.env, ownSignals = false): Promise<BrowserSession> {
  const { findBrowser, INSTALL_HINT } = await import('./find-browser.js');
  const executablePath = findBrowser(env);
  const { launch } = await loadPuppeteer();
  debug('launching %s', executablePath);
  let browser: Browser;
  try {
    const signals = ownSignals ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {};
    const started = performance.now();
    // pipe: the DevTools connection is the browser's fd 3/4, so when bideck dies, even by SIGKILL,
    // the pipe closes and Chromium exits with it; a WebSocket left it running as an orphan (issue 10.8).
    browser = await launch({ executablePath, headless: true, pipe: true, args: launchArgs(), timeout: 30_000, ...signals });
    debug('launched in %d ms', Math.round(performance.now() - started));
  } catch (cause) {
    throw new BideckError('browser', `the browser at ${executablePath} failed to start: ${(cause as Error).message}\n${INSTALL_HINT}`, { cause });
  }
  const kill = () => void browser.process()?.kill('SIGKILL');
  process.once('exit', kill);
  let closed: Promise<void> | undefined;
  return {
    browser,
    close: () => (closed ??= (async () => {
      process.off('exit', kill);
      debug('closing');
      const started = performance.now();
      // A browser that crashed or was killed may never answer "close": give it 5 s, then kill.
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, 5_000)));
      await Promise.race([browser.close().catch(() => undefined), gaveUp]);
      clearTimeout(timer);
      browser.process()?.kill('SIGKILL');
      debug('closed in %d ms', Math.round(performance.now() - started));
    })()),
  };
}

const claimed = new WeakSet<Browser>();

/**
 * A tab to work in: the first caller gets the blank tab Chromium starts with (opening a
 * second one costs a renderer start, issue 15); later callers get new tabs. Close it after.
 */
export async function openPage(browser: Browser): Promise<Page> {
  // Only a browser this process launched: a connected one may be shared, its blank tab another's.
  if (!claimed.has(browser) && browser.process()) {
    claimed.add(browser);
    const [initial] = await browser.pages();
    if (initial && initial.url() === 'about:blank') return initial;
  }
  return browser.newPage();
}

/** Run `fn` with the session's browser, reporting puppeteer's failures as export errors. */
export async function useBrowser<T>(session: BrowserSession, fn: (browser: Browser) => Promise<T>): Promise<T> {
  try {
    return await fn(session.browser);
  } catch (cause) {
    // A crashed or killed browser surfaces as puppeteer's own errors (TargetCloseError,
    // ProtocolError) wherever the export happened to be: report them all the same way.
    if (cause instanceof BideckError) throw cause;
    throw new BideckError('export', `the browser stopped during PDF export: ${(cause as Error).message}`, { cause });
  }
}

/** One browser for one job; always closed, whatever happens inside. */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>, env = process.env, ownSignals = false): Promise<T> {
  const session = await launchBrowser(env, ownSignals);
  try {
    return await useBrowser(session, fn);
  } finally {
    await session.close();
  }
}
