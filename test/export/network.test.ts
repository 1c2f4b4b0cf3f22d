import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { printDeck } from '../../src/export/pdf.js';
import { startBrowser } from '../helpers/browser.js';
import { SEED_DECK } from '../helpers/seed.js';

/** Export never reaches the network: every request but the deck's own file is aborted. */
describe('PDF export and the network', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'bideck-net-')), 'dist');
  let browser: Browser;
  let deck: string;
  beforeAll(async () => {
    await build({ deckPath: SEED_DECK, outDir: out, pdf: false, modes: ['bi'] });
    deck = join(out, 'itib-budget-2023-24.html');
    browser = await startBrowser();
  });
  afterAll(async () => browser?.close());

  it('the seed deck asks for nothing outside its own file', async () => {
    const [result] = await printDeck(browser, deck, { modes: ['bi'], titles: {} });
    expect(result?.blocked).toEqual([]);
    expect(result?.pages).toBe(11);
  });

  it('a deck that does ask (a template without the CSP, linking out) is cut off and still prints', async () => {
    // Simulate a careless custom template: no Content-Security-Policy, remote assets.
    const leaky = join(out, 'leaky.html');
    const html = readFileSync(deck, 'utf8')
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
      .replace('</head>', '<link rel="stylesheet" href="https://fonts.example.invalid/a.css"></head>')
      .replace('<div class="slides">', '<div class="slides"><img src="http://tracker.example.invalid/pixel.gif" alt="">');
    writeFileSync(leaky, html);
    const [result] = await printDeck(browser, leaky, { modes: ['en'], titles: {} });
    expect(result?.blocked.sort()).toEqual(['http://tracker.example.invalid/pixel.gif', 'https://fonts.example.invalid/a.css']);
    expect(Buffer.from(result?.pdf ?? []).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
