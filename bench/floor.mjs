// The floor, in its own process: bideck's browser (same binary and flags) launched, the bare
// reveal.js deck loaded in its print view, one tagged page.pdf(). argv: deck.html out.pdf
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { launch } from 'puppeteer-core';
import { launchArgs } from '../lib/export/browser.js';
import { findBrowser } from '../lib/export/find-browser.js';

const [html, out] = process.argv.slice(2);
const browser = await launch({ executablePath: findBrowser(), headless: true, args: launchArgs() });
try {
  const [page] = await browser.pages();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(`${pathToFileURL(html).href}?print-pdf`, { waitUntil: 'load', timeout: 0 });
  await page.evaluate('window.printed');
  // As bideck does: reveal.js hides all but one slide from assistive tech, which would leave the
  // floor's PDF untagged; load every face (hidden slides do not trigger font loads).
  await page.evaluate(`(async () => {
    for (const s of document.querySelectorAll('[aria-hidden]')) s.removeAttribute('aria-hidden');
    await Promise.all([...document.fonts].map((f) => f.load()));
  })()`);
  writeFileSync(out, await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: false, timeout: 0 }));
} finally {
  await browser.close();
}
