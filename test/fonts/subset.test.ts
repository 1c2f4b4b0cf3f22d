import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Font } from 'fonteditor-core';
import wawoff2 from 'wawoff2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BideckError } from '../../src/errors.js';
import {
  CJK_EXTRAS,
  LATIN_EXTRAS,
  fontFaceCss,
  fontStats,
  subsetFamily,
  uncoveredChars,
} from '../../src/fonts/index.js';
import type { FontSource, SubsetFace } from '../../src/fonts/index.js';
import { chunkFor, loadChunks, resolvePackage } from '../../src/fonts/package.js';

const HK: FontSource = { packageName: '@fontsource/noto-sans-hk', family: 'Noto Sans HK' };
const LATIN: FontSource = { packageName: '@fontsource/noto-sans', family: 'Noto Sans' };
const TEXT = '衞生署 石硤尾邨 深水埗 創新科技及工業局「再工業化」Innovation & Technology 2025';

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'bideck-fonts-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

// WOFF2 is decoded with Google's reference decoder (wawoff2, the one bideck encodes with):
// fonteditor-core's own WOFF2 wasm, once loaded, corrupts wawoff2 in the same process.
const ttfOf = async (woff2: Buffer) => Buffer.from(await wawoff2.decompress(woff2));

async function parse(face: SubsetFace, compound2simple = false): Promise<ReturnType<ReturnType<typeof Font.create>['get']>> {
  return Font.create(await ttfOf(face.woff2), { type: 'ttf', compound2simple }).get();
}

const parseChunk = async (file: Buffer) => Font.create(await ttfOf(file), { type: 'ttf' }).get();

const parsedChunks = new Map<string, Awaited<ReturnType<typeof parse>>>();

/** The original Fontsource chunk font holding `ch`, parsed with fonteditor-core. */
async function chunkFont(pkgName: string, weight: number, ch: string, compound2simple = false) {
  const pkg = resolvePackage(pkgName);
  const chunks = await loadChunks(pkg, weight);
  const chunk = chunks[chunkFor(chunks, ch.codePointAt(0) ?? 0)];
  if (!chunk) throw new Error(`no chunk for ${ch}`);
  const id = `${chunk.file} ${compound2simple}`;
  let font = parsedChunks.get(id);
  if (!font) {
    font = Font.create(await ttfOf(readFileSync(chunk.file)), { type: 'ttf', compound2simple }).get();
    parsedChunks.set(id, font);
  }
  return font;
}

describe('subsetFamily', () => {
  it('builds one merged font per weight holding exactly the requested characters', async () => {
    const faces = await subsetFamily({ source: HK, weights: [400, 700], text: TEXT, cacheDir });
    expect(faces.map((f) => [f.family, f.weight, f.cached])).toEqual([
      ['Noto Sans HK', 400, false],
      ['Noto Sans HK', 700, false],
    ]);
    const expected = new Set([...(TEXT + LATIN_EXTRAS + CJK_EXTRAS)].map((c) => c.codePointAt(0)));
    for (const face of faces) {
      expect(face.woff2.subarray(0, 4).toString('latin1')).toBe('wOF2');
      expect(face.missing).toEqual([]);
      expect(face.hash).toMatch(/^[0-9a-f]{16}$/);
      const font = await parse(face);
      const cmap = new Set(Object.keys(font.cmap).map(Number));
      for (const cp of expected) expect(cmap.has(cp ?? 0), `U+${cp?.toString(16)}`).toBe(true);
      for (const cp of cmap) expect(expected.has(cp), `unexpected U+${cp.toString(16)}`).toBe(true);
      expect(cmap.has(0x9f8d)).toBe(false); // 龍 was not requested
      expect(font.glyf.length).toBe(face.glyphs);
      expect(font.name.fontFamily).toBe('Noto Sans HK');
      expect(font.name.postScriptName).toBe(
        face.weight === 700 ? 'NotoSansHK-Bold' : 'NotoSansHK-Regular',
      );
    }
    expect(faces[0]?.hash).not.toBe(faces[1]?.hash);
  });

  it('keeps the source vertical metrics, advance widths and outlines', async () => {
    const [face] = await subsetFamily({ source: HK, weights: [700], text: TEXT, cacheDir });
    if (!face) throw new Error('no face');
    const font = await parse(face);
    for (const ch of ['衞', '埗', 'W', '「']) {
      const src = await chunkFont(HK.packageName, 700, ch);
      const cp = ch.codePointAt(0) ?? 0;
      expect(font.hhea.ascent).toBe(src.hhea.ascent);
      expect(font.hhea.descent).toBe(src.hhea.descent);
      expect(font.hhea.lineGap).toBe(src.hhea.lineGap);
      expect(font.head.unitsPerEm).toBe(src.head.unitsPerEm);
      for (const k of [
        'sTypoAscender',
        'sTypoDescender',
        'sTypoLineGap',
        'usWinAscent',
        'usWinDescent',
        'usWeightClass',
        'fsSelection',
      ] as const) {
        expect(font['OS/2'][k], k).toBe(src['OS/2'][k]);
      }
      const mine = font.glyf[font.cmap[cp] ?? -1];
      const theirs = src.glyf[src.cmap[cp] ?? -1];
      expect(mine?.advanceWidth, ch).toBe(theirs?.advanceWidth);
      expect(mine?.contours, ch).toEqual(theirs?.contours);
    }
  });

  it('is much smaller than the chunk files it draws from', async () => {
    const [face] = await subsetFamily({ source: HK, weights: [400], text: TEXT, cacheDir });
    const pkg = resolvePackage(HK.packageName);
    const chunks = await loadChunks(pkg, 400);
    const used = new Set(
      [...(TEXT + LATIN_EXTRAS + CJK_EXTRAS)].map((c) => chunkFor(chunks, c.codePointAt(0) ?? 0)),
    );
    let sum = 0;
    for (const i of used) sum += (await stat(chunks[i]?.file ?? '')).size;
    expect(used.size).toBeGreaterThan(5);
    expect(face?.woff2.length).toBeLessThan(sum / 10);
  });

  it('serves a second identical request from the disk cache without subsetting', async () => {
    const first = await subsetFamily({
      source: LATIN,
      weights: [400],
      text: 'Cache me — “twice”',
      cacheDir,
    });
    const runs = fontStats.chunksSubset;
    const second = await subsetFamily({
      source: LATIN,
      weights: [400],
      text: 'Cache me — “twice”',
      cacheDir,
    });
    // A cache hit is proven by the work not done (no chunk subset), not by a wall-clock budget.
    expect(fontStats.chunksSubset).toBe(runs);
    expect(first[0]?.cached).toBe(false);
    expect(second[0]?.cached).toBe(true);
    expect(second[0]?.woff2.equals(first[0]?.woff2 ?? Buffer.alloc(0))).toBe(true);
    expect(second[0]?.hash).toBe(first[0]?.hash);
    expect((await readdir(cacheDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('rebuilds an incomplete cache entry and dedupes concurrent identical requests', async () => {
    const req = { source: LATIN, weights: [700], text: 'Partial entry', cacheDir };
    await subsetFamily(req);
    for (const f of await readdir(cacheDir))
      if (f.endsWith('.json')) await unlink(join(cacheDir, f));
    const runs = fontStats.chunksSubset;
    const [a, b] = await Promise.all([subsetFamily(req), subsetFamily(req)]);
    expect(a[0]?.cached).toBe(false);
    expect(a[0]).toBe(b[0]);
    expect(fontStats.chunksSubset).toBe(runs + 1);
  });

  it('merges several Latin chunks and keeps the kerning of the base chunk', async () => {
    const [face] = await subsetFamily({
      source: LATIN,
      weights: [400],
      text: 'AVATAR Ōtākou Łódź ₫ 😀',
      cacheDir,
    });
    if (!face) throw new Error('no face');
    expect(face.missing).toEqual(['😀']);
    const font = await parse(face, true);
    // Ō ā ź are composites (in two different chunks): their outlines must survive renumbering.
    for (const ch of 'ŌāŁź₫AV') {
      const cp = ch.codePointAt(0) ?? 0;
      const src = await chunkFont(LATIN.packageName, 400, ch, true);
      const mine = font.glyf[font.cmap[cp] ?? -1];
      expect(mine?.contours?.length, ch).toBeGreaterThan(0);
      expect(mine?.contours, ch).toEqual(src.glyf[src.cmap[cp] ?? -1]?.contours);
      expect(mine?.advanceWidth, ch).toBe(src.glyf[src.cmap[cp] ?? -1]?.advanceWidth);
    }
    const ttf = await ttfOf(face.woff2);
    const tags = Array.from({ length: ttf.readUInt16BE(4) }, (_, i) =>
      ttf.toString('latin1', 12 + 16 * i, 16 + 16 * i),
    );
    expect(tags).toEqual(expect.arrayContaining(['GPOS', 'GSUB', 'glyf', 'cmap', 'name']));
  });

  it('takes a character from the next chunk when the first one claiming it lacks it', async () => {
    // U+2010 U+2020 U+2025 are in the unicode-range of a Noto Sans HK chunk whose file lacks them.
    const text = '‐†‥';
    const pkg = resolvePackage(HK.packageName);
    const chunks = await loadChunks(pkg, 400);
    const first = await parseChunk(readFileSync(chunks[chunkFor(chunks, 0x2010)]?.file ?? ''));
    expect(first.cmap[0x2010]).toBeUndefined();
    const [face] = await subsetFamily({ source: HK, weights: [400], text, cacheDir });
    expect(face?.missing).toEqual([]);
    const font = await parse(face as SubsetFace);
    for (const ch of text) expect(font.cmap[ch.codePointAt(0) ?? 0], ch).toBeGreaterThan(0);
  });

  it('reports characters no family covers', async () => {
    const text = '衞 A 😀';
    const faces = [
      ...(await subsetFamily({ source: HK, weights: [400], text, cacheDir })),
      ...(await subsetFamily({ source: LATIN, weights: [400], text, cacheDir })),
    ];
    expect(faces[1]?.missing).toContain('衞');
    expect(uncoveredChars(faces)).toEqual(['😀']);
  });

  it('rejects unknown packages and weights with a data error', async () => {
    const bad = subsetFamily({
      source: { packageName: '@fontsource/foo', family: 'Foo' },
      weights: [400],
      text: 'x',
      cacheDir,
    });
    await expect(bad).rejects.toBeInstanceOf(BideckError);
    await expect(bad).rejects.toMatchObject({
      kind: 'data',
      message:
        'brand font "@fontsource/foo" is not installed; expected one of @fontsource/noto-sans-hk, @fontsource/noto-sans',
    });
    await expect(
      subsetFamily({ source: HK, weights: [400, 950], text: 'x', cacheDir }),
    ).rejects.toMatchObject({
      kind: 'data',
      message:
        'weight 950 is not available in @fontsource/noto-sans-hk (available: 100, 200, 300, 400, 500, 600, 700, 800, 900)',
    });
  });
});

describe('fontFaceCss', () => {
  it('emits one @font-face per face with an inline woff2 data URL', () => {
    const face = (weight: number): SubsetFace => ({
      family: 'Noto Sans HK',
      weight,
      woff2: Buffer.from('wOF2-test'),
      glyphs: 3,
      hash: '0123456789abcdef',
      cached: false,
      missing: [],
    });
    const css = fontFaceCss([face(400), face(700)], 'Deck "ZH"');
    const rules = css.split('\n');
    expect(rules).toHaveLength(2);
    expect(rules[0]).toBe(
      '@font-face{font-family:"Deck \\"ZH\\"";font-style:normal;font-weight:400;font-display:block;' +
        `src:url(data:font/woff2;base64,${Buffer.from('wOF2-test').toString('base64')}) format("woff2");}`,
    );
    expect(rules[1]).toContain('font-weight:700;');
    expect(fontFaceCss([face(400)], 'x</style>')).toContain('font-family:"x\\3c /style>"');
  });
});
