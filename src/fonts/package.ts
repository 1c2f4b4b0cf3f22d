/**
 * Locating a Fontsource package and reading its per-weight CSS: which chunk file covers
 * which code points (the @font-face `unicode-range`s).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BideckError } from '../errors.js';

export const KNOWN_FONT_PACKAGES = ['@fontsource/noto-sans-hk', '@fontsource/noto-sans'] as const;

export interface FontPackage {
  name: string;
  version: string;
  dir: string;
  weights: readonly number[];
}

export interface Chunk {
  /** Absolute path of the chunk's woff2 file. */
  file: string;
  /** Sorted, non-overlapping inclusive ranges: start0, end0, start1, end1, … */
  ranges: Uint32Array;
}

const require = createRequire(import.meta.url);
const packages = new Map<string, FontPackage>();

export function resolvePackage(name: string): FontPackage {
  const known = packages.get(name);
  if (known) return known;
  let pkgJson: string;
  try {
    if (!/^(@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*$/i.test(name))
      throw new Error('not a package name');
    pkgJson = require.resolve(`${name}/package.json`);
  } catch (cause) {
    throw new BideckError(
      'data',
      `brand font "${name}" is not installed; expected one of ${KNOWN_FONT_PACKAGES.join(', ')}`,
      { cause },
    );
  }
  const dir = dirname(pkgJson);
  const meta = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version?: string };
  let weights: number[] = [];
  const metadata = join(dir, 'metadata.json');
  if (existsSync(metadata)) {
    const m = JSON.parse(readFileSync(metadata, 'utf8')) as { weights?: unknown };
    if (Array.isArray(m.weights))
      weights = m.weights.filter((w): w is number => typeof w === 'number');
  }
  weights = weights.filter((w) => existsSync(join(dir, `${w}.css`)));
  if (weights.length === 0) {
    throw new BideckError(
      'data',
      `brand font "${name}" is not a Fontsource font package (no <weight>.css files)`,
    );
  }
  const pkg: FontPackage = { name, version: meta.version ?? '0', dir, weights };
  packages.set(name, pkg);
  return pkg;
}

export function checkWeight(pkg: FontPackage, weight: number): void {
  if (!pkg.weights.includes(weight)) {
    throw new BideckError(
      'data',
      `weight ${weight} is not available in ${pkg.name} (available: ${pkg.weights.join(', ')})`,
    );
  }
}

function parseRange(list: string): Uint32Array {
  const pairs: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m?.[1]) continue;
    const start = parseInt(m[1].replace(/\?/g, '0'), 16);
    const end = m[2] ? parseInt(m[2], 16) : parseInt(m[1].replace(/\?/g, 'f'), 16);
    pairs.push([start, end]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [s, e] of pairs) {
    const last = merged.length - 1;
    if (last > 0 && s <= (merged[last] ?? 0) + 1) merged[last] = Math.max(merged[last] ?? 0, e);
    else merged.push(s, e);
  }
  return Uint32Array.from(merged);
}

/** Parse a Fontsource `<weight>.css`: one chunk per `font-style: normal` @font-face. */
export function parseChunks(css: string, dir: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (const block of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = block[1] ?? '';
    if (/font-style:\s*italic/.test(body)) continue;
    const url = /url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)/.exec(body)?.[1];
    if (!url) continue;
    const range = /unicode-range:\s*([^;]+)/.exec(body)?.[1];
    chunks.push({
      file: join(dir, url),
      ranges: range ? parseRange(range) : Uint32Array.of(0, 0x10ffff),
    });
  }
  return chunks;
}

const chunkCache = new Map<string, Promise<Chunk[]>>();

export function loadChunks(pkg: FontPackage, weight: number): Promise<Chunk[]> {
  const key = `${pkg.dir}\0${weight}`;
  let chunks = chunkCache.get(key);
  if (!chunks) {
    chunks = readFile(join(pkg.dir, `${weight}.css`), 'utf8').then((css) =>
      parseChunks(css, pkg.dir),
    );
    chunkCache.set(key, chunks);
    chunks.catch(() => chunkCache.delete(key));
  }
  return chunks;
}

export function covers(chunk: Chunk, cp: number): boolean {
  const r = chunk.ranges;
  let lo = 0;
  let hi = r.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < (r[2 * mid] ?? 0)) hi = mid - 1;
    else if (cp > (r[2 * mid + 1] ?? 0)) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Indices of the chunks whose unicode-range covers `cp`, in the order a browser tries them
 * (the last declared first). A range may claim a character its file lacks; the browser then
 * falls back to the next one.
 */
export function chunksFor(chunks: readonly Chunk[], cp: number): number[] {
  const out: number[] = [];
  for (let i = chunks.length - 1; i >= 0; i--) {
    const c = chunks[i];
    if (c && covers(c, cp)) out.push(i);
  }
  return out;
}

/** The first chunk a browser would try for `cp`, or -1. */
export function chunkFor(chunks: readonly Chunk[], cp: number): number {
  return chunksFor(chunks, cp)[0] ?? -1;
}
