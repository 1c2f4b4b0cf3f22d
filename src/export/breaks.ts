import type { Page } from 'puppeteer-core';
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
  /** A block's box relative to its slide: pages off screen may be laid out later (deck.css). */
  function boxOf(block) {
    var b = block.getBoundingClientRect();
    var slide = block.closest('section.slide');
    var o = slide ? slide.getBoundingClientRect() : { left: 0, top: 0 };
    return { left: b.left - o.left, top: b.top - o.top, width: b.width, height: b.height };
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
  function blocksWithBreaks() {
    var byBlock = new Map();
    Array.prototype.forEach.call(document.querySelectorAll('.reveal .slides wbr'), function (w) {
      var block = w.closest('[lang]');
      if (!block) return;
      var list = byBlock.get(block);
      if (!list) byBlock.set(block, (list = []));
      list.push(w);
    });
    return byBlock;
  }
  /** In the mode on screen: each shown block's box and the <wbr> its lines break at. */
  function record(byBlock, mode, range) {
    var list = [];
    byBlock.forEach(function (wbrs, block) {
      if (!block.getClientRects().length) return; // not shown in this mode
      var box = boxOf(block);
      // One line (a line-height of "normal" reads NaN: then each <wbr> is measured).
      var oneLine = box.height < parseFloat(getComputedStyle(block).lineHeight) * 1.5;
      list.push({ block: block, box: box, kept: oneLine ? [] : wbrs.filter(function (w) { return breaksAt(w, block, range); }) });
    });
    records[mode] = list;
  }
  /** Record every mode that will print, then drop the <wbr> no line of any of them uses. */
  function prepare(modes) {
    var byBlock = blocksWithBreaks();
    var range = document.createRange();
    modes.forEach(function (m) { window.bideckSetMode(m); record(byBlock, m, range); });
    var used = new Set();
    modes.forEach(function (m) { records[m].forEach(function (r) { r.kept.forEach(function (w) { used.add(w); }); }); });
    var out = { blocks: 0, removed: 0, kept: used.size };
    byBlock.forEach(function (wbrs, block) {
      var drop = wbrs.filter(function (w) { return !used.has(w); });
      if (!drop.length) return;
      out.blocks++;
      // Its markup, not a clone: 10,000 cloned blocks kept 100,000 detached nodes alive in print.
      originals.set(block, block.innerHTML);
      var parents = new Set();
      drop.forEach(function (w) { parents.add(w.parentNode); w.remove(); });
      parents.forEach(function (p) { p.normalize(); });
      out.removed += drop.length;
    });
    return out;
  }
  /** In the mode on screen: every block where it was recorded, or given its <wbr> back. */
  function verify(mode) {
    var range = document.createRange();
    var restored = 0;
    (records[mode] || []).forEach(function (r) {
      var original = originals.get(r.block);
      if (!original) return;
      var now = boxOf(r.block);
      var same = Math.abs(now.width - r.box.width) < 0.5 && Math.abs(now.height - r.box.height) < 0.5 &&
        Math.abs(now.top - r.box.top) < 0.5 && Math.abs(now.left - r.box.left) < 0.5 &&
        r.kept.every(function (w) { return breaksAt(w, r.block, range); });
      if (same) return;
      r.block.innerHTML = original;
      originals.delete(r.block);
      restored++;
    });
    return restored;
  }
  window.bideckBreaks = { prepare: prepare, verify: verify };
})();`;

const install = `if (!window.bideckBreaks) { ${BREAKS_SOURCE} }`;

/**
 * Drop the phrase breaks no line uses in any of `modes` (see {@link BREAKS_SOURCE}). Switches
 * the page through each mode to measure it; the caller sets the mode it prints next.
 */
export async function pruneBreaks(page: Page, modes: readonly Mode[]): Promise<PrunedBreaks> {
  return page.evaluate(`(function () { ${install} return window.bideckBreaks.prepare(${JSON.stringify(modes)}); })()`) as Promise<PrunedBreaks>;
}

/** Before printing the mode on screen: blocks whose layout moved get every break back (the count). */
export async function verifyBreaks(page: Page, mode: Mode): Promise<number> {
  return page.evaluate(`(function () { ${install} return window.bideckBreaks.verify(${JSON.stringify(mode)}); })()`) as Promise<number>;
}
