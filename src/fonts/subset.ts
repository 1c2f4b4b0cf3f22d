/**
 * One small merged WOFF2 per (family, weight) holding exactly the glyphs a deck needs.
 *
 * Pipeline per face: pick the Fontsource unicode-range chunks that hold the needed code
 * points → hb-subset each (hb.ts) → merge into one TrueType font (merge.ts) → WOFF2
 * (Google's reference encoder via fontverter). Results are cached on disk by a hash of the inputs, so an
 * unchanged deck costs one file read per face.
 */
import { createHash } from 'node:crypto';
import createDebug from 'debug';
import { BideckError } from '../errors.js';
import { readCache, writeCache } from './cache.js';
import { CJK_EXTRAS, LATIN_EXTRAS, codePoints } from './codepoints.js';
import { subsetChunks } from './hb.js';
import { mergeSubsets } from './merge.js';
import { checkWeight, loadChunks, resolvePackage, type FontPackage } from './package.js';

const debug = createDebug('bideck:fonts');

export interface FontSource {
  packageName: string;
  family: string;
}

export interface FontRequest {
  source: FontSource;
  weights: readonly number[];
  text: string;
  cacheDir: string;
}

export interface SubsetFace {
  family: string;
  weight: number;
  woff2: Buffer;
  /** Number of glyphs in the subset (incl. .notdef). */
  glyphs: number;
  /** First 16 hex digits of the SHA-256 of `woff2`. */
  hash: string;
  /** True when read from the disk cache. */
  cached: boolean;
  /** Characters of the requested text this font has no glyph for (e.g. emoji), in code point order. */
  missing: string[];
}

/** Bump when the output for the same input changes (a cache key component). */
export const FONT_MODULE_VERSION = 'bideck-fonts-1';

/** Work counters, for tests and diagnostics. */
export const fontStats = { facesBuilt: 0, chunksSubset: 0, cacheHits: 0 };

/**
 * Subset `source` to `text` (plus ASCII, common typographic and CJK punctuation) for each
 * weight. Throws BideckError('data') for a package that is not installed or a weight it
 * does not ship.
 */
export async function subsetFamily(req: FontRequest): Promise<SubsetFace[]> {
  const pkg = resolvePackage(req.source.packageName);
  for (const w of req.weights) checkWeight(pkg, w);
  const textCps = codePoints(req.text);
  const wanted = codePoints(req.text + LATIN_EXTRAS + CJK_EXTRAS);
  return Promise.all(
    req.weights.map((weight) => {
      const key = createHash('sha256')
        .update(JSON.stringify([FONT_MODULE_VERSION, pkg.name, pkg.version, req.source.family]))
        .update(JSON.stringify([weight, wanted]))
        .digest('hex');
      const job: FaceJob = { pkg, family: req.source.family, weight, wanted, textCps, key };
      return once(`${req.cacheDir}\0${key}`, () => cachedOrBuilt(job, req.cacheDir));
    }),
  );
}

const inflight = new Map<string, Promise<SubsetFace>>();

/** Concurrent identical requests in this process share one build. */
function once(id: string, run: () => Promise<SubsetFace>): Promise<SubsetFace> {
  let face = inflight.get(id);
  if (!face) {
    face = run();
    inflight.set(id, face);
    void face.finally(() => inflight.delete(id)).catch(() => undefined);
  }
  return face;
}

interface FaceJob {
  pkg: FontPackage;
  family: string;
  weight: number;
  wanted: readonly number[];
  textCps: readonly number[];
  key: string;
}

async function cachedOrBuilt(job: FaceJob, cacheDir: string): Promise<SubsetFace> {
  const hit = await readCache(cacheDir, job.key);
  if (hit) {
    fontStats.cacheHits++;
    return { family: job.family, weight: job.weight, ...hit, cached: true };
  }
  const face = await build(job);
  try {
    await writeCache(cacheDir, job.key, face);
  } catch (e) {
    debug('could not write the font cache in %s: %O', cacheDir, e);
  }
  return face;
}

/** hb-subset runs one call at a time anyway; running the faces' subset phases in turn lets
 * one face's Brotli compression (libuv thread pool) overlap the next face's subsetting. */
let phase: Promise<unknown> = Promise.resolve();
function inTurn<T>(fn: () => Promise<T>): Promise<T> {
  const run = phase.then(fn, fn);
  phase = run.catch(() => undefined);
  return run;
}

/**
 * WOFF2 by Google's reference encoder (wawoff2, via fontverter, as subset-font uses it).
 * Its wasm is not safe to enter twice at once, and while it initialises next to another
 * Emscripten module it has returned garbage (seen in tests), so calls run one at a time and
 * the output must carry the WOFF2 signature.
 */
let encoding: Promise<unknown> = Promise.resolve();
function encodeWoff2(ttf: Buffer): Promise<Buffer> {
  const run = encoding.then(async () => {
    const { default: fontverter } = await import('fontverter');
    for (let attempt = 0; attempt < 3; attempt++) {
      const out = await fontverter.convert(ttf, 'woff2');
      if (out.subarray(0, 4).toString('latin1') === 'wOF2') return out;
      debug('WOFF2 encoder returned no WOFF2 (attempt %d); again', attempt + 1);
    }
    throw new BideckError('internal', 'the WOFF2 encoder failed to produce a font');
  });
  encoding = run.catch(() => undefined);
  return run;
}

async function build(job: FaceJob): Promise<SubsetFace> {
  const started = performance.now();
  const chunks = await loadChunks(job.pkg, job.weight);
  if (chunks.length === 0) {
    throw new BideckError('data', `${job.pkg.name} has no font files for weight ${job.weight}`);
  }
  const merged = await inTurn(async () => {
    const { fonts, base, calls } = await subsetChunks(chunks, job.wanted);
    fontStats.chunksSubset += calls;
    return {
      ...mergeSubsets({ fonts, base, family: job.family, weight: job.weight }),
      chunks: fonts.length,
    };
  });
  const woff2 = await encodeWoff2(merged.font);
  fontStats.facesBuilt++;
  const missing = job.textCps
    .filter((cp) => !merged.codePoints.has(cp))
    .map((cp) => String.fromCodePoint(cp));
  const ms = Math.round(performance.now() - started);
  debug(
    '%s %d: %d chunks → %d glyphs, %d bytes, %d ms',
    job.family,
    job.weight,
    merged.chunks,
    merged.glyphs,
    woff2.length,
    ms,
  );
  const hash = createHash('sha256').update(woff2).digest('hex').slice(0, 16);
  return {
    family: job.family,
    weight: job.weight,
    woff2,
    glyphs: merged.glyphs,
    hash,
    cached: false,
    missing,
  };
}
