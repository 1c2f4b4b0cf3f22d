import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openView, prepareView, printDeck } from '../../src/export/pdf.js';
import { build } from '../../src/pipeline/build.js';
import { startBrowser } from '../helpers/browser.js';
import { pdfText, structText } from '../helpers/pdf.js';
import { ROOT } from '../helpers/seed.js';
import type { PhraseLines } from '../../src/layout/types.js';
import type { Mode } from '../../src/render/deck.js';

/**
 * bideck's own print view (templates/boot.js printView, issue 15): one page box a slide, no
 * reveal.js print layout, in print media from the first layout; and a view prepared while the
 * build does other work prints the same pages as one prepared on the spot.
 */
describe('print view', () => {
  let browser: Browser;
  let html: string;
  let slides: number;
  let lines: PhraseLines | undefined;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'bideck-print-view-'));
    const deckPath = join(ROOT, 'test', 'fixtures', 'layout-dense', 'deck.yaml');
    const result = await build({ deckPath, outDir: join(work, 'out'), pdf: false, layout: 'require', checks: false, cacheDir: join(work, 'cache') });
    html = result.files.find((f) => f.endsWith('.html') && !f.endsWith('review.html') && !/\.(zh|en)\.html$/.test(f)) ?? '';
    slides = result.project.model.slides.length;
    lines = result.layout?.lines;
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

  it('prints the same pages from a lazy view (pruned from the layout record, pages laid out only by page.pdf)', async () => {
    expect(lines).toBeDefined();
    const print = async (lazy: boolean) => {
      // Lazy needs a record a print of these modes checked before.
      const checked = lazy ? { modes: ['bi', 'en'] as Mode[], whole: [] } : undefined;
      const view = await openView(browser, html, 'bi', { lines: lines as PhraseLines, modes: ['bi', 'en'], lazy: true, ...(checked ? { checked } : {}) });
      expect(view.pruned?.removed).toBeGreaterThan(0);
      // Pages out of view wait for page.pdf() to lay them out (deck.css bideck-lazy).
      const visibility = await view.page.evaluate(() => getComputedStyle(document.querySelector('.pdf-page') as Element).contentVisibility);
      expect(visibility).toBe(lazy ? 'auto' : 'visible');
      return { pdfs: await printDeck(browser, prepareView(view, ['bi', 'en'], true, lines, checked), { modes: ['bi', 'en'], titles: {} }) };
    };
    const lazy = await print(true);
    const full = await print(false);
    for (const [i, mode] of ['bi', 'en'].entries()) {
      const files = [lazy, full].map((r, k) => {
        const file = join(work, `${mode}-${k ? 'full' : 'lazy'}.pdf`);
        writeFileSync(file, (r.pdfs[i] as { pdf: Uint8Array }).pdf);
        return file;
      });
      const [a, b] = files as [string, string];
      expect(structText(a)).toBe(structText(b));
      // Every page rendered the same, pixel for pixel.
      for (const [file, prefix] of [[a, 'l'], [b, 'f']] as const) execFileSync('pdftoppm', ['-r', '30', '-png', file, join(work, `${mode}-${prefix}`)]);
      const pngs = (p: string) => readdirSync(work).filter((f) => f.startsWith(`${mode}-${p}-`)).sort();
      expect(pngs('l')).toHaveLength(slides);
      for (const [k, f] of pngs('l').entries()) expect(readFileSync(join(work, f)).equals(readFileSync(join(work, pngs('f')[k] as string)))).toBe(true);
    }
  }, 120_000);

  it('a build checks the layout record as it prints, and the next print of the same modes trusts it', async () => {
    const deckPath = join(ROOT, 'test', 'fixtures', 'layout-dense', 'deck.yaml');
    const cacheDir = join(work, 'cache-checked');
    const first = await build({ deckPath, outDir: join(work, 'checked-1'), modes: ['bi'], checks: false, cacheDir });
    expect(first.layout?.lines?.checked).toEqual([{ modes: ['bi'], whole: [] }]);
    const written = JSON.parse(readFileSync(join(work, 'checked-1', 'layout-dense.layout.json'), 'utf8')) as { lines: PhraseLines };
    expect(written.lines.checked).toEqual([{ modes: ['bi'], whole: [] }]);
    // Cached: printed from the record as checked, lazily; nothing to check, nothing added.
    const second = await build({ deckPath, outDir: join(work, 'checked-2'), modes: ['bi'], checks: false, cacheDir });
    expect(second.layout?.lines?.checked).toEqual([{ modes: ['bi'], whole: [] }]);
    // Another set of modes is checked in its turn.
    const third = await build({ deckPath, outDir: join(work, 'checked-3'), modes: ['bi', 'zh'], checks: false, cacheDir });
    expect(third.layout?.lines?.checked?.map((c) => c.modes)).toEqual([['bi'], ['bi', 'zh']]);
    for (const r of [first, second, third]) expect(pdfText(r.files.find((f) => f.endsWith('layout-dense.pdf')) ?? '')).toBe(pdfText(first.files.find((f) => f.endsWith('layout-dense.pdf')) ?? ''));
  }, 120_000);
});
