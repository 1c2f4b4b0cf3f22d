import type { Page } from 'puppeteer-core';
import type { ModeLines, PhraseLines } from '../layout/types.js';
import type { Mode } from '../render/deck.js';

export interface PrunedBreaks {
  /** Blocks that lost break opportunities. */
  blocks: number;
  /** Break opportunities (<wbr>) removed: no line of any mode printed breaks there. */
  removed: number;
  /** Break opportunities kept: a line breaks there in at least one mode printed. */
  kept: number;
}

/**
 * Print-only: the phrase breaks (render/phrases.ts writes a <wbr> at each) that no line uses.
 *
 * Each <wbr> splits its text into separate text nodes, and Chromium tags every text node as
 * its own marked-content sequence and structure element. The seed-derived 1,000-slide deck
 * has 46,000 <wbr> of which 1,600 end a line; printed as they are, they cost ≈ 2 s of
 * `page.pdf()`, a third of the tagged PDF's objects, and a screen reader hears each phrase as
 * a separate element. So before each mode prints, the <wbr> where no line breaks are removed
 * and the text rejoined. Removing a break opportunity that no line takes changes no line (a
 * line ends at an opportunity the layout chose, and with fewer to choose from the same choice
 * is still the best one). Each block is checked all the same, in every mode before it prints:
 * its box and its line breaks must be where they were, or it gets its <wbr> back (text shaped
 * as one run can differ from the same text in pieces by ≈ 0.1 pt). The modes are measured
 * first and only the breaks no mode uses go, so no mode has to put any back. The HTML decks
 * keep every <wbr>: they are the phrase breaks of any other window or zoom.
 */
export const BREAKS_SOURCE = String.raw`(function () {
  'use strict';
  var records = {};
  var originals = new Map();
  /** A block's size: where it sits follows from the sizes of the blocks before it. */
  function sizeOf(block) {
    var b = block.getBoundingClientRect();
    return { width: b.width, height: b.height };
  }
  function firstRect(range) { var r = range.getClientRects(); return r.length ? r[0] : range.getBoundingClientRect(); }
  /** Whether the line breaks at this <wbr>: the character after it starts a new line. */
  function breaksAt(w, block, range) {
    var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    walker.currentNode = w;
    var prev = walker.previousNode();
    walker.currentNode = w;
    var next = walker.nextNode();
    if (!prev || !next || !prev.length || !next.length) return true;
    range.setStart(prev, prev.length - 1);
    range.setEnd(prev, prev.length);
    var a = firstRect(range);
    range.setStart(next, 0);
    range.setEnd(next, 1);
    var b = firstRect(range);
    return b.top >= a.bottom - 1 || b.left < a.left;
  }
  /** Every <wbr> in document order, and the blocks that hold them, in order, each with its own. */
  function inventory() {
    var all = Array.prototype.slice.call(document.querySelectorAll('.reveal .slides wbr'));
    var byBlock = new Map();
    all.forEach(function (w, i) {
      var block = w.closest('[lang]');
      if (!block) return;
      var list = byBlock.get(block);
      if (!list) byBlock.set(block, (list = []));
      list.push(i);
    });
    return { all: all, byBlock: byBlock };
  }
  /** In the mode on screen: each shown block's size and the <wbr> (indices) its lines break at. */
  function measure(inv, range) {
    var list = [];
    inv.byBlock.forEach(function (indices, block) {
      if (!block.getClientRects().length) return list.push(null); // not shown in this mode
      var size = sizeOf(block);
      // One line (a line-height of "normal" reads NaN: then each <wbr> is measured).
      var oneLine = size.height < parseFloat(getComputedStyle(block).lineHeight) * 1.5;
      list.push({ size: size, used: oneLine ? [] : indices.filter(function (i) { return breaksAt(inv.all[i], block, range); }) });
    });
    return list;
  }
  /**
   * The layout stage's record of the mode on screen (src/layout/types.ts PhraseLines): each
   * block's size as [width, height] pairs (-1 where it is not shown) and the <wbr> used.
   */
  function lines() {
    var inv = inventory();
    var measured = measure(inv, document.createRange());
    var sizes = [];
    var used = [];
    measured.forEach(function (m) {
      if (!m) return sizes.push(-1, -1);
      sizes.push(Math.round(m.size.width * 100) / 100, Math.round(m.size.height * 100) / 100);
      used.push.apply(used, m.used);
    });
    return { wbr: inv.all.length, sizes: sizes, used: used };
  }
  /** Drop every <wbr> whose index is not kept, rejoining the text; keeps each block's markup first. */
  function drop(inv, keep) {
    var out = { blocks: 0, removed: 0, kept: 0 };
    inv.byBlock.forEach(function (indices, block) {
      var gone = indices.filter(function (i) { return !keep.has(i); });
      out.kept += indices.length - gone.length;
      if (!gone.length) return;
      out.blocks++;
      // Its markup, not a clone: 10,000 cloned blocks kept 100,000 detached nodes alive in print.
      originals.set(block, block.innerHTML);
      var parents = new Set();
      gone.forEach(function (i) { var w = inv.all[i]; parents.add(w.parentNode); w.remove(); });
      parents.forEach(function (p) { p.normalize(); });
      out.removed += gone.length;
    });
    return out;
  }
  /** What verify compares a mode with: each shown block's size and its <wbr> that break a line. */
  function remember(inv, mode, measured) {
    var blocks = Array.from(inv.byBlock.keys());
    records[mode] = [];
    measured.forEach(function (m, k) {
      if (m) records[mode].push({ block: blocks[k], index: k, size: m.size, kept: m.used.map(function (i) { return inv.all[i]; }) });
    });
  }
  /** Measure every mode that will print, then drop the <wbr> no line of any of them uses. */
  function prepare(modes) {
    var inv = inventory();
    var range = document.createRange();
    var keep = new Set();
    modes.forEach(function (m) {
      window.bideckSetMode(m);
      var measured = measure(inv, range);
      measured.forEach(function (x) { if (x) x.used.forEach(function (i) { keep.add(i); }); });
      remember(inv, m, measured);
    });
    return drop(inv, keep);
  }
  /** A mode's record in the form measure() gives, from the layout stage's numbers. */
  function recorded(inv, record) {
    var k = 0;
    return Array.from(inv.byBlock.values(), function (indices, b) {
      var width = record.sizes[2 * b], height = record.sizes[2 * b + 1];
      if (width < 0) return null;
      var used = [];
      while (k < record.used.length && indices.indexOf(record.used[k]) >= 0) used.push(record.used[k++]);
      return { size: { width: width, height: height }, used: used };
    });
  }
  /**
   * The same from the layout stage's record, measuring nothing: the <wbr> no line of the modes
   * given uses go, except in the blocks named in whole (indices), which keep them all. Before
   * the slides are laid out, it costs no layout. Undefined (nothing done) if the record is not
   * of this document or lacks a mode.
   */
  function prepareFrom(plan, modes, whole) {
    var inv = inventory();
    if (plan.wbr !== inv.all.length || modes.some(function (m) { return !plan.modes[m]; })) return undefined;
    var keep = new Set();
    var blocks = Array.from(inv.byBlock.values());
    modes.forEach(function (m) {
      plan.modes[m].used.forEach(function (i) { keep.add(i); });
      remember(inv, m, recorded(inv, plan.modes[m]));
    });
    (whole || []).forEach(function (b) { (blocks[b] || []).forEach(function (i) { keep.add(i); }); });
    return drop(inv, keep);
  }
  /** Every pruned block as it was: all its <wbr> back. */
  function unprune() {
    originals.forEach(function (html, block) { block.innerHTML = html; });
    originals.clear();
    records = {};
  }
  /** In the mode on screen: every block as recorded, or given its <wbr> back. */
  function verify(mode) {
    var range = document.createRange();
    var restored = 0;
    (records[mode] || []).forEach(function (r) {
      var original = originals.get(r.block);
      if (!original) return;
      var now = sizeOf(r.block);
      var same = Math.abs(now.width - r.size.width) < 0.5 && Math.abs(now.height - r.size.height) < 0.5 &&
        r.kept.every(function (w) { return breaksAt(w, r.block, range); });
      if (same) return;
      r.block.innerHTML = original;
      originals.delete(r.block);
      if (r.index !== undefined) given.push(r.index);
      restored++;
    });
    return restored;
  }
  /** The blocks (indices) verify gave their breaks back, in any mode. */
  var given = [];
  function restored() { return given.slice().sort(function (a, b) { return a - b; }); }
  window.bideckBreaks = { lines: lines, prepare: prepare, prepareFrom: prepareFrom, unprune: unprune, verify: verify, restored: restored };
})();`;

const install = `if (!window.bideckBreaks) { ${BREAKS_SOURCE} }`;

/**
 * Drop the phrase breaks no line uses in any of `modes` (see {@link BREAKS_SOURCE}). Switches
 * the page through each mode to measure it; the caller sets the mode it prints next.
 */
export async function pruneBreaks(page: Page, modes: readonly Mode[]): Promise<PrunedBreaks> {
  return page.evaluate(`(function () { ${install} return window.bideckBreaks.prepare(${JSON.stringify(modes)}); })()`) as Promise<PrunedBreaks>;
}

/** The layout stage's record of the mode on screen: each block's size and the breaks its lines use. */
export async function recordLines(page: Page): Promise<ModeLines & { wbr: number }> {
  return page.evaluate(`(function () { ${install} return window.bideckBreaks.lines(); })()`) as Promise<ModeLines & { wbr: number }>;
}

/**
 * The same as {@link pruneBreaks} from the layout stage's record, measuring nothing; the blocks
 * `whole` names keep every break. Undefined (nothing pruned) when the record is not of this document.
 */
export async function pruneFromLines(page: Page, lines: PhraseLines, modes: readonly Mode[], whole: readonly number[] = []): Promise<PrunedBreaks | undefined> {
  return page.evaluate(`(function () { ${install} window.bideckBreaks.unprune(); return ${prepareFrom(lines, modes, whole)}; })()`) as Promise<PrunedBreaks | undefined>;
}

/**
 * {@link pruneFromLines} as the print view's document is parsed, before its slides are laid out
 * (they wait for their faces, boot.js): the first layout is already the pruned one, where pruning
 * a laid-out page costs a second layout of every block it touched (≈ 0.6 s at 1,000 slides).
 * `window.bideckPruned` then holds what was pruned, or null if the record did not fit.
 */
export async function pruneWhenParsed(page: Page, lines: PhraseLines, modes: readonly Mode[], whole: readonly number[] = []): Promise<void> {
  await page.evaluateOnNewDocument(`document.addEventListener('DOMContentLoaded', function () { ${install} window.bideckPruned = ${prepareFrom(lines, modes, whole)} || null; });`);
}

/** The page's call of `prepareFrom` with these arguments, as source. */
const prepareFrom = (lines: PhraseLines, modes: readonly Mode[], whole: readonly number[]) =>
  `window.bideckBreaks.prepareFrom(${[lines, modes, whole].map((a) => JSON.stringify(a)).join(', ')})`;

/** What {@link pruneWhenParsed} did: undefined if it has not run, null if the record did not fit. */
export async function prunedWhenParsed(page: Page): Promise<PrunedBreaks | null | undefined> {
  return page.evaluate('window.bideckPruned') as Promise<PrunedBreaks | null | undefined>;
}

/** The blocks (indices, as the record counts them) {@link verifyBreaks} gave their breaks back so far. */
export async function restoredBlocks(page: Page): Promise<number[]> {
  return page.evaluate(`(function () { ${install} return window.bideckBreaks.restored(); })()`) as Promise<number[]>;
}

/** Before printing the mode on screen: blocks whose layout moved get every break back (the count). */
export async function verifyBreaks(page: Page, mode: Mode): Promise<number> {
  return page.evaluate(`(function () { ${install} return window.bideckBreaks.verify(${JSON.stringify(mode)}); })()`) as Promise<number>;
}
