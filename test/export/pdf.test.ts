import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openView, prepareView, printDeck } from '../../src/export/pdf.js';
import { build } from '../../src/pipeline/build.js';
import { startBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/seed.js';

/**
 * bideck's own print view (templates/boot.js printView, issue 15): one page box a slide, no
 * reveal.js print layout, in print media from the first layout; and a view prepared while the
 * build does other work prints the same pages as one prepared on the spot.
 */
describe('print view', () => {
  let browser: Browser;
  let html: string;
  let slides: number;

  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), 'bideck-print-view-'));
    const deckPath = join(ROOT, 'test', 'fixtures', 'layout-dense', 'deck.yaml');
    const result = await build({ deckPath, outDir: join(work, 'out'), pdf: false, layout: 'require', checks: false, cacheDir: join(work, 'cache') });
    html = result.files.find((f) => f.endsWith('.html') && !f.endsWith('review.html') && !/\.(zh|en)\.html$/.test(f)) ?? '';
    slides = result.project.model.slides.length;
    browser = await startBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('puts each slide alone in a 1280×720 page box, in print media, without reveal.js print boxes', async () => {
    const { page } = await openView(browser, html, 'bi');
    const facts = await page.evaluate(() => ({
      print: window.matchMedia('print').matches,
      pending: document.documentElement.classList.contains('bideck-pending'),
      revealStarted: (window as unknown as { Reveal: { isReady(): boolean } }).Reveal.isReady(),
      backgrounds: document.querySelectorAll('.reveal .slide-background').length,
      pages: [...document.querySelectorAll('.reveal .slides > .pdf-page')].map((p) => {
        const r = p.getBoundingClientRect();
        const s = p.querySelector('section.slide')?.getBoundingClientRect();
        return { children: p.children.length, size: [r.width, r.height], offset: s ? [s.left - r.left, s.top - r.top, s.width, s.height] : [] };
      }),
      loose: document.querySelectorAll('.reveal .slides > section.slide').length,
    }));
    await page.close();
    expect(facts).toMatchObject({ print: true, pending: false, revealStarted: false, backgrounds: 0, loose: 0 });
    expect(facts.pages).toHaveLength(slides);
    for (const p of facts.pages) expect(p).toEqual({ children: 1, size: [1280, 720], offset: [0, 0, 1280, 720] });
  });

  it('prints one page a slide from a view prepared ahead, as from the deck file, tagged as parsed or after', async () => {
    const view = prepareView(await openView(browser, html, 'bi'), ['bi', 'zh']);
    const ahead = await printDeck(browser, view, { modes: ['bi', 'zh'], titles: {} });
    const fresh = await printDeck(browser, html, { modes: ['bi', 'zh'], titles: {} });
    // Tagged once laid out (export/tags.ts prepareTags), not as the document is parsed.
    const late = await printDeck(browser, prepareView(await openView(browser, html, 'bi', { tagged: false }), ['bi', 'zh']), { modes: ['bi', 'zh'], titles: {} });
    expect(late.map((r) => r.pdf.length)).toEqual(fresh.map((r) => r.pdf.length));
    for (const results of [ahead, fresh]) {
      expect(results.map((r) => r.mode)).toEqual(['bi', 'zh']);
      for (const r of results) {
        expect(r.pages).toBe(slides);
        expect((await PDFDocument.load(r.pdf, { updateMetadata: false })).getPageCount()).toBe(slides);
      }
    }
    // Same text, same pages: the prepared view pruned the same phrase breaks before printing.
    expect(ahead.map((r) => r.pdf.length)).toEqual(fresh.map((r) => r.pdf.length));
  }, 120_000);
});
