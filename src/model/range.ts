import { BideckError } from '../errors.js';
import type { OutlineEntry } from './outline.js';

/**
 * Parse `--slides`: `3`, `3-7`, `3-` (to the end), `-4` (from the start), or a comma list of
 * those (`1,3-5`). Returns the slide numbers, ascending, each once. Numbers are the deck's
 * own: a PDF of `3-7` shows "3 / 11" to "7 / 11" in its footers, as the full deck does.
 */
export function parseSlideRange(spec: string, total: number): number[] {
  const fail = (why: string) =>
    new BideckError('usage', `invalid --slides ${JSON.stringify(spec)}: ${why}; expected e.g. 3, 3-7, 3- or 1,3-5 (the deck has ${total} slides)`);
  const picked = new Set<number>();
  const parts = spec.split(',').map((p) => p.trim());
  for (const part of parts) {
    const m = /^(\d*)\s*(-?)\s*(\d*)$/.exec(part);
    if (!m || part === '' || part === '-') throw fail(`"${part}" is not a slide number or range`);
    const [, a = '', dash = '', b = ''] = m;
    const from = a === '' ? 1 : Number(a);
    const to = dash ? (b === '' ? total : Number(b)) : from;
    if (from < 1 || to < 1) throw fail('slide numbers start at 1');
    if (from > total || to > total) throw fail(`slide ${Math.max(from, to)} does not exist`);
    if (from > to) throw fail(`${from}-${to} runs backwards`);
    for (let n = from; n <= to; n++) picked.add(n);
  }
  return [...picked].sort((x, y) => x - y);
}

/** `3-7`, `1,3-5`: the numbers written back compactly, for page ranges and messages. */
export function formatSlideRange(slides: readonly number[]): string {
  const runs: string[] = [];
  let start: number | undefined;
  slides.forEach((n, i) => {
    start ??= n;
    const next = slides[i + 1];
    if (next !== n + 1) {
      runs.push(start === n ? String(n) : `${start}-${n}`);
      start = undefined;
    }
  });
  return runs.join(',');
}

/**
 * Bookmarks of a PDF that holds only some slides: `pageOf` gives the 0-based page a slide
 * number lands on, or undefined when it is left out. An entry whose own slide is left out
 * keeps its place if one of its children is in, and opens that child's page.
 */
export function remapOutline(entries: readonly OutlineEntry[], pageOf: (slide: number) => number | undefined): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  for (const entry of entries) {
    const children = remapOutline(entry.children, pageOf);
    const own = pageOf(entry.page + 1);
    const page = own ?? children[0]?.page;
    if (page === undefined) continue;
    out.push({ title: entry.title, page, children });
  }
  return out;
}
