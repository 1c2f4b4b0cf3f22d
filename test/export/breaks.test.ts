import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneBreaks, pruneFromLines, restoredBlocks, verifyBreaks } from '../../src/export/breaks.js';
import { openPrintView, openView, prepareView } from '../../src/export/pdf.js';
import type { PhraseLines } from '../../src/layout/types.js';
import { build } from '../../src/pipeline/build.js';
import type { Mode } from '../../src/render/deck.js';
import { structText } from '../helpers/pdf.js';
import { startBrowser } from '../helpers/browser.js';
import { ROOT, SEED_DECK } from '../helpers/seed.js';

/** Every Chinese block shown: its box, and its text line by line (one Range per character). */
interface Shown {
  box: [number, number, number, number];
  lines: string[];
}

function shownText(page: Page): Promise<Shown[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.reveal .slides [lang="zh-Hant-HK"]')]
      .filter((b) => b.getClientRects().length > 0)
      .map((block) => {
        const r = block.getBoundingClientRect();
        const lines: string[] = [];
        let top = NaN;
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          for (let i = 0; i < n.data.length; i++) {
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            const c = range.getBoundingClientRect();
            if (lines.length === 0 || c.top > top + c.height / 2) {
              lines.push('');
              top = c.top;
            }
            lines[lines.length - 1] = `${lines.at(-1) ?? ''}${n.data[i] ?? ''}`;
          }
        }
        return { box: [r.left, r.top, r.width, r.height].map((v) => Math.round(v * 2) / 2) as Shown['box'], lines };
      }),
  );
}

const setMode = (page: Page, mode: Mode) => page.evaluate(`window.bideckSetMode(${JSON.stringify(mode)})`);
const wbrCount = (page: Page) => page.evaluate(() => document.querySelectorAll('.reveal .slides wbr').length);

/**
 * The print view drops the phrase breaks no line uses (export/breaks.ts) so the PDF's text is
 * not cut into one tagged piece per phrase. It must not move a single character: on the dense
 * fixture, every Chinese line of every mode reads the same before and after.
 */
describe('print view: unused phrase breaks', () => {
  let browser: Browser;
  let page: Page;
  let html: string;
  let lines: PhraseLines | undefined;

  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), 'bideck-breaks-'));
    const out = join(work, 'out');
    const deckPath = join(ROOT, 'test', 'fixtures', 'layout-dense', 'deck.yaml');
    const result = await build({ deckPath, outDir: out, pdf: false, layout: 'require', checks: false, cacheDir: join(work, 'cache') });
    html = result.files.find((f) => f.endsWith('.html') && !f.endsWith('review.html') && !/\.(zh|en)\.html$/.test(f)) ?? '';
    lines = result.layout?.lines;
    browser = await startBrowser();
    page = await browser.newPage();
    await openPrintView(page, html, 'bi', { timeout: 60_000, blocked: [] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('removes most <wbr> and moves no Chinese character in the bilingual or Chinese mode', async () => {
    const before = new Map<Mode, Shown[]>();
    for (const mode of ['bi', 'zh'] as const) {
      await setMode(page, mode);
      before.set(mode, await shownText(page));
    }
    const total = await wbrCount(page);
    const pruned = await pruneBreaks(page, ['bi', 'zh', 'en']);
    expect(pruned.removed + pruned.kept).toBeLessThanOrEqual(total);
    expect(pruned.removed).toBeGreaterThan(total / 2);
    expect(await wbrCount(page)).toBe(total - pruned.removed);
    let wrapped = 0;
    for (const mode of ['bi', 'zh'] as const) {
      await setMode(page, mode);
      expect(await verifyBreaks(page, mode)).toBe(0);
      const after = await shownText(page);
      expect(after).toEqual(before.get(mode));
      wrapped += after.filter((s) => s.lines.length > 1).length;
    }
    // Wrapped lines, not just one-liners: the comparison covers real line breaking.
    expect(wrapped).toBeGreaterThanOrEqual(10);
  });

  it('prunes from the layout stage\'s record as the page is parsed: the same breaks, no character moved', async () => {
    // The layout stage recorded every mode, for this very document.
    expect(Object.keys(lines?.modes ?? {}).sort()).toEqual(['bi', 'en', 'zh']);
    const fresh = await browser.newPage();
    await openPrintView(fresh, html, 'bi', { timeout: 60_000, blocked: [] });
    expect(lines?.wbr).toBe(await wbrCount(fresh));
    const before = new Map<Mode, Shown[]>();
    for (const mode of ['bi', 'zh'] as const) {
      await setMode(fresh, mode);
      before.set(mode, await shownText(fresh));
    }
    const measured = await pruneBreaks(fresh, ['bi', 'zh', 'en']);
    await fresh.close();

    const view = await openView(browser, html, 'bi', { lines: lines as PhraseLines, modes: ['bi', 'zh', 'en'] });
    try {
      // Pruned before the first layout, from the record: what measuring finds, without measuring.
      expect(view.pruned).toEqual(measured);
      await prepareView(view, ['bi', 'zh', 'en'], true, lines).pruning;
      for (const mode of ['bi', 'zh'] as const) {
        await setMode(view.page, mode);
        expect(await verifyBreaks(view.page, mode)).toBe(0);
        expect(await shownText(view.page)).toEqual(before.get(mode));
      }
    } finally {
      await view.page.close();
    }
  });

  it('measures instead when the record is of another document', async () => {
    const other = { ...(lines as PhraseLines), wbr: (lines?.wbr ?? 0) + 1 };
    const view = await openView(browser, html, 'bi', { lines: other, modes: ['bi'] });
    try {
      expect(view.pruned).toBeUndefined();
      const total = await wbrCount(view.page);
      await prepareView(view, ['bi'], true, other).pruning;
      // Pruned all the same, by measuring this page.
      expect(await wbrCount(view.page)).toBeLessThan(total / 2);
      expect(await verifyBreaks(view.page, 'bi')).toBe(0);
    } finally {
      await view.page.close();
    }
  });

  it('a print from the record checks it, names the blocks it gave back, and a print that keeps them whole keeps their breaks', async () => {
    const record = lines as PhraseLines;
    // A block recorded 5 px taller than it is: its lines "moved" once pruned.
    const sizes = [...(record.modes.bi?.sizes ?? [])];
    const at = sizes.findIndex((v, i) => i % 2 === 1 && v > 0);
    sizes[at] = (sizes[at] ?? 0) + 5;
    const block = (at - 1) / 2;
    const moved: PhraseLines = { ...record, modes: { ...record.modes, bi: { ...(record.modes.bi as { used: number[] }), sizes } } };
    const view = await openView(browser, html, 'bi', { lines: moved, modes: ['bi'] });
    try {
      expect(await prepareView(view, ['bi'], true, moved).pruning).toBe('recorded');
      expect(await verifyBreaks(view.page, 'bi')).toBe(1);
      expect(await restoredBlocks(view.page)).toEqual([block]);
      // Kept whole, that block keeps every break; the others are pruned as before.
      const total = record.wbr;
      const all = await pruneFromLines(view.page, record, ['bi']);
      const kept = await pruneFromLines(view.page, record, ['bi'], [block]);
      expect(all?.removed).toBeGreaterThan(0);
      expect(kept?.removed).toBeLessThan(all?.removed ?? 0);
      expect(await wbrCount(view.page)).toBe(total - (kept?.removed ?? 0));
    } finally {
      await view.page.close();
    }
  });

  it('gives a block its breaks back when its lines moved', async () => {
    await setMode(page, 'bi');
    // A block whose box is made narrower after pruning no longer sits where it was recorded.
    const narrowed = await page.evaluate(() => {
      const block = [...document.querySelectorAll<HTMLElement>('.reveal .slides .points [lang="zh-Hant-HK"]')].find((b) => b.getClientRects().length && !b.querySelector('wbr'));
      if (!block) return false;
      block.style.width = '40%';
      return true;
    });
    expect(narrowed).toBe(true);
    expect(await verifyBreaks(page, 'bi')).toBeGreaterThanOrEqual(1);
  });
});

describe('PDF: Chinese text is not cut at phrase breaks', () => {
  it('the seed reads each single-line Chinese heading as one tagged text', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bideck-breaks-pdf-'));
    const result = await build({ deckPath: SEED_DECK, outDir: out, modes: ['zh'], checks: false });
    const pdf = result.files.find((f) => f.endsWith('.zh.pdf')) ?? '';
    const elements = structText(pdf).split('\n').map((l) => l.trim());
    // Written with phrase breaks (香港<wbr>科技園<wbr>公司) in the HTML deck; read whole here.
    expect(elements).toContain('香港科技園公司');
    expect(elements).toContain('香港特別行政區政府');
    expect(elements).not.toContain('科技園');
  }, 120_000);
});
