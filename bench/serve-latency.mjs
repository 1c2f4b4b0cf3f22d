// Edit-to-reload latency of `bideck serve` on the seed deck: a copy of data/ in a temp folder,
// `serve` on a free port, the deck open in the real Chromium on slide 4; then `edits` saves of
// one title, each timed from the file write to the browser having the new slide in its DOM
// (swapped in place, or after a reload). The first save warms the JIT and is not counted.
// Then the same for the live review page (/review): save to the reloaded page showing the change.
// Needs lib/ (npm run build or tsc -p tsconfig.build.json). Run alone: node bench/serve-latency.mjs
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p90: at(0.9), min: s[0], max: s.at(-1), runs: xs };
};

/** @returns {Promise<{ editToDomMs: object, rebuildMs: object, swapped: number, reloaded: number }>} */
export async function measureServeLatency({ edits = 10 } = {}) {
  const { serve } = await import('../lib/bundle/index.js');
  const { launchArgs } = await import('../lib/export/browser.js');
  const { findBrowser } = await import('../lib/export/find-browser.js');
  const { launch } = await import('puppeteer-core');
  const dir = mkdtempSync(join(tmpdir(), 'bideck-bench-serve-'));
  cpSync(join(root, 'data'), dir, { recursive: true });
  const deck = join(dir, 'deck.yaml');
  const original = readFileSync(deck, 'utf8');
  const title = 'en: Digital Economy\n'; // first initiative on slide 4

  const handle = await serve({ deckPath: deck, outDir: join(dir, 'dist') });
  const browser = await launch({ executablePath: findBrowser(), headless: true, args: launchArgs() });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    // In-page clock: when the new DOM is there, by swap or by reload.
    await page.evaluateOnNewDocument(`
      document.addEventListener('DOMContentLoaded', () => { window.__benchAt = Date.now(); window.__benchHow = 'reload'; });
      document.addEventListener('bideck:updated', () => { window.__benchAt = Date.now(); window.__benchHow = 'swap'; });`);
    await page.goto(`${handle.url}#/3`, { waitUntil: 'load' });
    await page.waitForFunction('window.bideckReady === true', { timeout: 60_000 });
    const dom = [];
    const rebuild = [];
    let swapped = 0;
    for (let i = 0; i <= edits; i++) {
      const marker = `Digital Economy ${i}-${Math.random().toString(36).slice(2, 7)}`;
      const rebuilt = handle.nextRebuild();
      const start = Date.now();
      writeFileSync(deck, original.replace(title, `en: ${marker}\n`));
      await page.waitForFunction(`document.querySelector('.reveal section.present')?.textContent?.includes(${JSON.stringify(marker)})`, { polling: 'raf', timeout: 10_000 });
      const { at, how } = await page.evaluate('({ at: window.__benchAt, how: window.__benchHow })');
      const r = await rebuilt;
      if (i === 0) continue;
      dom.push(at - start);
      if (r.ok) rebuild.push(Math.round(r.ms));
      if (how === 'swap') swapped += 1;
      await sleep(150); // let the deferred refit of all slides run
    }
    const review = await measureReview(browser, handle, deck, original, title, edits);
    return { editToDomMs: stats(dom), rebuildMs: stats(rebuild), swapped, reloaded: edits - swapped, reviewEditToDomMs: stats(review) };
  } finally {
    await browser.close();
    await handle.close();
  }
}

/**
 * The live review page (/review) the same way: the reader scrolled to slide 4; each save timed
 * from the file write to the reloaded page having the change and the reader back in place.
 */
async function measureReview(browser, handle, deck, original, title, edits) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${handle.url}review#slide-4`, { waitUntil: 'load' });
  await page.waitForFunction('window.bideckReviewReady === true', { timeout: 60_000 });
  const times = [];
  for (let i = 0; i <= edits; i++) {
    const marker = `Digital Economy review ${i}-${Math.random().toString(36).slice(2, 7)}`;
    const start = Date.now();
    writeFileSync(deck, original.replace(title, `en: ${marker}\n`));
    await page.waitForFunction(`document.documentElement.dataset.liveRestored !== undefined && document.body.textContent.includes(${JSON.stringify(marker)})`, { polling: 'raf', timeout: 20_000 });
    const at = Date.now();
    if (i > 0) times.push(at - start);
    await sleep(150);
  }
  await page.close();
  return times;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await measureServeLatency({ edits: Number(process.argv[2] ?? 10) });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
