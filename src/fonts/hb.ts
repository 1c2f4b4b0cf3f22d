/** hb-subset (harfbuzz wasm, via subset-font) applied to the Fontsource chunk files a text needs. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { readCmap } from './cmap.js';
import { fromCodePoints } from './codepoints.js';
import { chunksFor, type Chunk } from './package.js';
import { readSfnt } from './sfnt.js';

export interface SubsetOptions {
  targetFormat: 'truetype';
  keepFeatures?: string[];
  dropTables?: string[];
}
export type SubsetFont = (font: Buffer, text: string, options: SubsetOptions) => Promise<Buffer>;

/** OpenType features kept in the base chunk: what Chromium applies to horizontal text, plus a few CSS opt-ins. */
const LAYOUT_FEATURES = [
  ...['ccmp', 'locl', 'rlig', 'liga', 'clig', 'calt', 'rclt', 'kern', 'mark', 'mkmk'],
  ...['palt', 'halt', 'tnum', 'lnum'],
];
/** Vertical metrics (vhea/vmtx) are dropped: decks set horizontal text only. */
const DROP = ['BASE', 'STAT', 'vhea', 'vmtx', 'DSIG', 'hdmx', 'VDMX', 'LTSH', 'JSTF', 'MATH'];
/** Other chunks only contribute outlines and metrics (dropping GSUB also skips the layout closure). */
const DROP_NON_BASE = [...DROP, 'GSUB', 'GPOS', 'GDEF', 'name', 'kern'];

let loaded: Promise<SubsetFont> | undefined;

/**
 * subset-font, loaded lazily (a fully cached run never instantiates harfbuzz). Its wasm
 * modules (harfbuzz, woff2) are compiled while V8 is in Liftoff-only mode: otherwise V8's
 * optimising tier-up of these large modules blocks the main thread for ~0.7 s after the
 * first call, which a few dozen short subset calls never pay back. `sample` (any font) is
 * subset once to force the compilation inside that window.
 */
export function hbSubset(sample: Buffer): Promise<SubsetFont> {
  loaded ??= (async () => {
    setFlagsFromString('--liftoff-only');
    try {
      const fn = createRequire(import.meta.url)('subset-font') as SubsetFont;
      await fn(sample, ' ', { targetFormat: 'truetype' });
      return fn;
    } finally {
      setFlagsFromString('--no-liftoff-only');
    }
  })();
  return loaded;
}

export interface ChunkSubsets {
  /** TrueType subsets, in chunk order. */
  fonts: Buffer[];
  /** Index in `fonts` of the chunk that keeps its layout tables (the one with Latin "A"). */
  base: number;
  /** hb-subset calls made. */
  calls: number;
}

/**
 * Subset the chunks that hold `wanted` (each code point taken from the chunk a browser would
 * use; when that file lacks it, from the next chunk claiming it). Chunk files that are not
 * needed are never read.
 */
export async function subsetChunks(
  chunks: readonly Chunk[],
  wanted: readonly number[],
): Promise<ChunkSubsets> {
  const candidates = new Map<number, number[]>();
  const attempt = new Map<number, number>();
  const plan = new Map<number, number[]>();
  const dirty = new Set<number>();
  const assign = (cp: number, k: number): void => {
    const i = candidates.get(cp)?.[k];
    if (i === undefined) return;
    attempt.set(cp, k);
    const list = plan.get(i);
    if (list) list.push(cp);
    else plan.set(i, [cp]);
    dirty.add(i);
  };
  for (const cp of wanted) {
    candidates.set(cp, chunksFor(chunks, cp));
    assign(cp, 0);
  }
  if (plan.size === 0) {
    // Nothing wanted is covered: still produce a valid (near-empty) font from one chunk.
    plan.set(chunks.length - 1, [0x20]);
    dirty.add(chunks.length - 1);
  }
  const base =
    candidates.get(0x41)?.[0] ?? [...plan].sort((a, b) => b[1].length - a[1].length)[0]?.[0] ?? 0;

  const files = new Map<number, Buffer>();
  const fonts = new Map<number, Buffer>();
  let calls = 0;
  for (let round = 0; dirty.size > 0 && round < 4; round++) {
    const todo = [...dirty];
    dirty.clear();
    await Promise.all(
      todo.map(async (i) => files.set(i, files.get(i) ?? (await readFile(chunks[i]?.file ?? '')))),
    );
    const subset = await hbSubset(files.get(todo[0] ?? 0) ?? Buffer.alloc(0));
    calls += todo.length;
    await Promise.all(
      todo.map(async (i) => {
        const options =
          i === base
            ? { keepFeatures: LAYOUT_FEATURES, dropTables: DROP }
            : { dropTables: DROP_NON_BASE };
        const text = fromCodePoints(plan.get(i) ?? []);
        fonts.set(
          i,
          await subset(files.get(i) ?? Buffer.alloc(0), text, {
            targetFormat: 'truetype',
            ...options,
          }),
        );
      }),
    );
    for (const i of todo) {
      const cmap = readCmap(
        readSfnt(fonts.get(i) ?? Buffer.alloc(0)).get('cmap') ?? Buffer.alloc(4),
      );
      for (const cp of plan.get(i) ?? []) {
        const k = attempt.get(cp) ?? 0;
        if (!cmap.has(cp) && candidates.get(cp)?.[k] === i) assign(cp, k + 1);
      }
    }
  }
  const order = [...fonts.keys()].sort((a, b) => a - b);
  return {
    fonts: order.map((i) => fonts.get(i) ?? Buffer.alloc(0)),
    base: Math.max(0, order.indexOf(base)),
    calls,
  };
}
