import { readFileSync } from 'node:fs';
import wawoff2 from 'wawoff2';
import { beforeAll, describe, expect, it } from 'vitest';
import { codePoints, fromCodePoints } from '../../src/fonts/codepoints.js';
import { mergeSubsets } from '../../src/fonts/merge.js';
import { chunkFor, loadChunks, resolvePackage } from '../../src/fonts/package.js';
import { glyphSlices, readSfnt, readSimpleGlyph, walkComponents } from '../../src/fonts/sfnt.js';
import { hbSubset } from '../../src/fonts/hb.js';
import fontverter from 'fontverter';
import { SEED_TEXT } from './seed-text.js';

/** Subset each chunk holding part of `text` and merge them, like subsetFamily does. */
async function merged(pkgName: string, weight: number, text: string): Promise<Buffer> {
  const chunks = await loadChunks(resolvePackage(pkgName), weight);
  const per = new Map<number, number[]>();
  for (const cp of codePoints(text)) {
    const i = chunkFor(chunks, cp);
    if (i >= 0) per.set(i, [...(per.get(i) ?? []), cp]);
  }
  const fonts: Buffer[] = [];
  for (const [i, cps] of per) {
    const file = readFileSync(chunks[i]?.file ?? '');
    const subsetFont = await hbSubset(file);
    fonts.push(await subsetFont(file, fromCodePoints(cps), { targetFormat: 'truetype' }));
  }
  return mergeSubsets({ fonts, base: 0, family: 'Test', weight }).font;
}

/** Glyph records decoded to comparable values (the encoding of flags/coordinates may differ). */
function glyphs(ttf: Buffer): string[] {
  const t = readSfnt(ttf);
  const get = (tag: string): Buffer => t.get(tag) ?? Buffer.alloc(0);
  const n = get('maxp').readUInt16BE(4);
  return glyphSlices(get('glyf'), get('loca'), get('head').readInt16BE(50), n).map((g) =>
    JSON.stringify(describeGlyph(g)),
  );
}

function describeGlyph(g: Buffer): unknown {
  if (g.length === 0) return 'empty';
  const header = [0, 2, 4, 6, 8].map((o) => g.readInt16BE(o));
  if ((header[0] ?? 0) < 0) {
    const { end } = walkComponents(g, () => undefined);
    return { header, components: g.subarray(10, end).toString('hex') };
  }
  const s = readSimpleGlyph(g);
  const { contourSizes, onCurve, dx, dy, instructions } = s;
  return [header, contourSizes, [...onCurve], [...dx], [...dy], instructions.toString('hex')];
}

beforeAll(async () => {
});

describe('encodeWoff2', () => {
  it.each([
    ['@fontsource/noto-sans-hk', 400, SEED_TEXT],
    [
      '@fontsource/noto-sans',
      700,
      'Ångström ŒŸ Ǆ ǅ ǆ Ǳ ĳ ŉ ẞ ḯ ǘ ǖ Ḉ ṏ Ṍ ff fi fl 0123 ﬀ ﬁ “Quotes” — …',
    ],
  ])('round-trips %s %d through the reference WOFF2 decoder', async (pkg, weight, text) => {
    const ttf = await merged(pkg, weight, text);
    const encoded = await fontverter.convert(ttf, 'woff2');
    expect(encoded.length % 4).toBe(0);
    expect(encoded.readUInt32BE(8)).toBe(encoded.length);
    const decoded = Buffer.from(await wawoff2.decompress(encoded));
    expect(decoded.length).toBeGreaterThan(0);
    const [got, want] = [glyphs(decoded), glyphs(ttf)];
    expect(got.length).toBe(want.length);
    const bad = want.findIndex((g, i) => g !== got[i]);
    expect(bad, `glyph ${bad}: ${got[bad]} != ${want[bad]}`).toBe(-1);
    const before = readSfnt(ttf);
    const after = readSfnt(decoded);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [tag, data] of before) {
      if (tag === 'glyf' || tag === 'loca' || tag === 'head') continue;
      expect(after.get(tag)?.equals(data), tag).toBe(true);
    }
    expect(encoded.length).toBeLessThan(ttf.length / 1.5);
  });
});
