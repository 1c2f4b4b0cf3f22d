/**
 * Which browser to start: a module of its own, because @puppeteer/browsers takes ≈ 0.1 s to
 * load. An HTML-only build whose layout is cached, and `check --no-overflow`, never load it;
 * the rest imports it when it starts or looks for a browser (browser.ts, pipeline/layout.ts,
 * pipeline/check.ts).
 */

import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { platform } from 'node:os';
import { join } from 'node:path';
import { Browser as BrowserKind, ChromeReleaseChannel, computeSystemExecutablePath } from '@puppeteer/browsers';
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
