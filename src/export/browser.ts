import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { platform } from 'node:os';
import { join } from 'node:path';
import { Browser as BrowserKind, ChromeReleaseChannel, computeSystemExecutablePath } from '@puppeteer/browsers';
import type { Browser, Page } from 'puppeteer-core';
import createDebug from 'debug';
import { BideckError } from '../errors.js';

const debug = createDebug('bideck:browser');

export const INSTALL_HINT = [
  'bideck needs Google Chrome, Microsoft Edge or Chromium to make PDFs.',
  '  Debian/Ubuntu: sudo apt-get install chromium',
  '  macOS/Windows: install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge',
  '  or point PUPPETEER_EXECUTABLE_PATH at the browser executable.',
  'Use --no-pdf to build the HTML deck only.',
].join('\n');

/** Chromium and Edge at their usual places; Chrome's are known to @puppeteer/browsers. */
function otherCandidates(): string[] {
  const os = platform();
  if (os === 'darwin') {
    return [
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  if (os === 'win32') {
    const roots = [process.env['PROGRAMFILES'], process.env['PROGRAMFILES(X86)'], process.env['LOCALAPPDATA']];
    return roots.filter((r): r is string => !!r).map((r) => join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
  ];
}

/** PUPPETEER_EXECUTABLE_PATH first, then Chrome stable, then Chromium or Edge. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['PUPPETEER_EXECUTABLE_PATH'];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new BideckError('browser', `PUPPETEER_EXECUTABLE_PATH is set to ${fromEnv}, which does not exist.\n${INSTALL_HINT}`);
  }
  try {
    return computeSystemExecutablePath({ browser: BrowserKind.CHROME, channel: ChromeReleaseChannel.STABLE });
  } catch {
    debug('no Chrome stable found');
  }
  const found = otherCandidates().find((p) => existsSync(p));
  if (found) return realBinary(found);
  throw new BideckError('browser', `No Chrome, Edge or Chromium was found.\n${INSTALL_HINT}`);
}

/**
 * Debian's /usr/bin/chromium is a shell script that sources /etc/chromium.d and then execs
 * /usr/lib/chromium/chromium: a shell start and flags bideck overrides anyway (issue 15).
 * Start the binary it would exec when it sits where the script says.
 */
export function realBinary(path: string): string {
  let head: string;
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(512);
      head = buf.subarray(0, readSync(fd, buf, 0, 512, 0)).toString('latin1');
    } finally {
      closeSync(fd);
    }
  } catch {
    return path;
  }
  if (!head.startsWith('#!')) return path;
  const libdir = /^LIBDIR=(\S+)$/m.exec(head)?.[1];
  const app = /^APPNAME=(\S+)$/m.exec(head)?.[1];
  const binary = libdir && app ? join(libdir.replace('$APPNAME', app), app) : undefined;
  if (binary && existsSync(binary)) {
    debug('%s is a wrapper script: starting %s', path, binary);
    return binary;
  }
  return path;
}

/** Whether a browser would be found (no error, no launch). */
export function browserFound(env: NodeJS.ProcessEnv = process.env): boolean {
  try {
    findBrowser(env);
    return true;
  } catch {
    return false;
  }
}

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
