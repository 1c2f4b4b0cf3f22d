import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentJobsOf } from '../../src/export/artifacts.js';
import { openView, prepareView, printDeck } from '../../src/export/pdf.js';
import { indexPdf } from '../../src/export/pdf-index.js';
import { VerbatimObject, loadPrinted } from '../../src/export/pdf-load.js';
import { build } from '../../src/pipeline/build.js';
import { startBrowser } from '../helpers/browser.js';
import { pdfText, structText } from '../helpers/pdf.js';
import { ROOT, SEED_DECK } from '../helpers/seed.js';
import type { PhraseLines } from '../../src/layout/types.js';
import { MODES } from '../../src/render/deck.js';

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

  it('says when the browser has the deck file, before the slides are ready (the build checks the deck then)', async () => {
    const seen: string[] = [];
    const opening = openView(browser, html, 'bi', { served: () => seen.push('served') }).then((view) => {
      seen.push('ready');
      return view;
    });
    const { page } = await opening;
    // Served once, for the deck's own file, and before the view was ready.
    expect(seen).toEqual(['served', 'ready']);
    expect(await page.evaluate(() => (window as unknown as { bideckReady?: boolean }).bideckReady)).toBe(true);
    await page.close();
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

  it('prints a file the post-processing indexes: its quick path is the one taken', async () => {
    const [printed] = await printDeck(browser, html, { modes: ['bi'], titles: {} });
    const pdf = printed?.pdf ?? new Uint8Array();
    const index = indexPdf(pdf);
    expect(index).toBeDefined();
    const whole = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(index?.objects.map((s) => s.num).sort((a, b) => a - b)).toEqual(whole.context.enumerateIndirectObjects().map(([r]) => r.objectNumber));
    // Every page's content found before parsing, and the structure elements kept as bytes.
    expect(contentJobsOf(pdf, index ?? { objects: [], xref: 0, trailer: 0 })).toHaveLength(slides);
    const quick = await loadPrinted(pdf, index);
    const verbatim = quick.context.enumerateIndirectObjects().filter(([, o]) => o instanceof VerbatimObject).length;
    const elements = whole.context.enumerateIndirectObjects().filter(([, o]) => o.toString().startsWith('<<\n/Type /StructElem')).length;
    expect(verbatim).toBeGreaterThan(slides);
    expect(verbatim).toBe(elements);
  }, 120_000);

  /** Every mode printed from a lazy view and from a whole one: the same pages, structure and text. */
  async function lazyAgainstWhole(deckHtml: string, record: PhraseLines | undefined, pageCount: number, name: string): Promise<void> {
    expect(record).toBeDefined();
    const print = async (lazy: boolean) => {
      // Lazy needs a record a print of these modes checked before.
      const checked = lazy ? { modes: [...MODES], whole: [] } : undefined;
      const view = await openView(browser, deckHtml, 'bi', { lines: record as PhraseLines, modes: MODES, lazy: true, ...(checked ? { checked } : {}) });
      expect(view.pruned?.removed).toBeGreaterThan(0);
      // Pages out of view wait for page.pdf() to lay them out (deck.css bideck-lazy).
      const visibility = await view.page.evaluate(() => getComputedStyle(document.querySelector('.pdf-page') as Element).contentVisibility);
      expect(visibility).toBe(lazy ? 'auto' : 'visible');
      return printDeck(browser, prepareView(view, MODES, true, record, checked), { modes: MODES, titles: {} });
    };
    const lazy = await print(true);
    const whole = await print(false);
    for (const [i, mode] of MODES.entries()) {
      const [a, b] = [lazy, whole].map((r, k) => {
        const file = join(work, `${name}-${mode}-${k ? 'whole' : 'lazy'}.pdf`);
        writeFileSync(file, (r[i] as { pdf: Uint8Array }).pdf);
        return file;
      }) as [string, string];
      expect(structText(a)).toBe(structText(b));
      // The text a reader selects, in the order it was painted (tags aside).
      expect(pdfText(a)).toBe(pdfText(b));
      // Every page rendered the same, pixel for pixel.
      for (const [file, prefix] of [[a, 'l'], [b, 'w']] as const) execFileSync('pdftoppm', ['-r', '30', '-png', file, join(work, `${name}-${mode}-${prefix}`)]);
      const pngs = (p: string) => readdirSync(work).filter((f) => f.startsWith(`${name}-${mode}-${p}-`)).sort();
      expect(pngs('l')).toHaveLength(pageCount);
      for (const [k, f] of pngs('l').entries()) expect(readFileSync(join(work, f)).equals(readFileSync(join(work, pngs('w')[k] as string)))).toBe(true);
    }
  }

  it('prints the same pages from a lazy view (pruned from the layout record, pages laid out only by page.pdf)', async () => {
    await lazyAgainstWhole(html, lines, slides, 'dense');
  }, 120_000);

  it('prints the seed the same from a lazy view, its text in the same order in every mode', async () => {
    const seed = await build({ deckPath: SEED_DECK, outDir: join(work, 'seed'), pdf: false, layout: 'require', checks: false, cacheDir: join(work, 'cache-seed') });
    const seedHtml = seed.files.find((f) => f.endsWith('.html') && !f.endsWith('review.html') && !/\.(zh|en)\.html$/.test(f)) ?? '';
    await lazyAgainstWhole(seedHtml, seed.layout?.lines, seed.project.model.slides.length, 'seed');
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

  it('a rebuild of the seed (printed lazily) reads the same as its first build, in every mode', async () => {
    const cacheDir = join(work, 'cache-rebuild');
    const first = await build({ deckPath: SEED_DECK, outDir: join(work, 'seed-1'), handout: true, checks: false, cacheDir });
    const again = await build({ deckPath: SEED_DECK, outDir: join(work, 'seed-2'), handout: true, checks: false, cacheDir });
    expect(again.layout?.lines?.checked).toHaveLength(1); // trusted: printed lazily
    const pdfs = (r: typeof first) => r.files.filter((f) => f.endsWith('.pdf')).sort();
    expect(pdfs(again)).toHaveLength(4);
    for (const [k, file] of pdfs(first).entries()) {
      const other = pdfs(again)[k] as string;
      expect(pdfText(other)).toBe(pdfText(file));
      expect(structText(other)).toBe(structText(file));
    }
  }, 120_000);
});
