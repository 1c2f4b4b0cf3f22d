/**
 * Merge several hb-subset outputs of chunks of ONE font (same design, same metrics) into a
 * single TrueType font. The base chunk keeps its glyph ids, so its layout tables
 * (GSUB/GPOS/GDEF, e.g. Latin kerning) stay valid; glyphs of the other chunks are appended
 * (composite references renumbered). head/hhea/OS/2/post metrics come from the base chunk;
 * bounding boxes, hhea extents, maxp and cmap are recomputed.
 */
import { readCmap, writeCmap } from './cmap.js';
import { buildName, readName } from './name.js';
import { glyphSlices, readSfnt, walkComponents, writeSfnt, type Tables } from './sfnt.js';

interface Chunk {
  tables: Tables;
  glyphs: Buffer[];
  advances: number[];
  lsbs: number[];
  cmap: Map<number, number>;
}

function table(tables: Tables, tag: string): Buffer {
  const t = tables.get(tag);
  if (!t) throw new Error(`subset font has no ${tag} table`);
  return t;
}

function parseChunk(font: Buffer): Chunk {
  const tables = readSfnt(font);
  const numGlyphs = table(tables, 'maxp').readUInt16BE(4);
  const locFormat = table(tables, 'head').readInt16BE(50);
  const glyphs = glyphSlices(table(tables, 'glyf'), table(tables, 'loca'), locFormat, numGlyphs);
  const hmtx = table(tables, 'hmtx');
  const nhm = table(tables, 'hhea').readUInt16BE(34);
  const advances: number[] = [];
  const lsbs: number[] = [];
  for (let i = 0; i < numGlyphs; i++) {
    advances.push(hmtx.readUInt16BE(4 * Math.min(i, nhm - 1)));
    lsbs.push(i < nhm ? hmtx.readInt16BE(4 * i + 2) : hmtx.readInt16BE(4 * nhm + 2 * (i - nhm)));
  }
  return { tables, glyphs, advances, lsbs, cmap: readCmap(table(tables, 'cmap')) };
}

const COPIED_FROM_BASE = ['cvt ', 'fpgm', 'prep', 'gasp', 'GDEF', 'GPOS', 'GSUB', 'kern'];

export interface MergeInput {
  /** TrueType subsets of chunks of one font. */
  fonts: readonly Buffer[];
  /** Index in `fonts` of the chunk whose layout tables are kept. */
  base: number;
  family: string;
  weight: number;
}

export interface MergeResult {
  font: Buffer;
  glyphs: number;
  codePoints: Set<number>;
}

export function mergeSubsets(input: MergeInput): MergeResult {
  const chunks = input.fonts.map(parseChunk);
  const base = chunks[input.base];
  if (!base) throw new Error('merge: base chunk out of range');
  const order = [base, ...chunks.filter((c) => c !== base)];
  const glyphs: Buffer[] = [];
  const advances: number[] = [];
  const lsbs: number[] = [];
  const cmap = new Map<number, number>();
  for (const chunk of order) {
    const first = chunk === base ? 0 : 1; // other chunks' .notdef is dropped
    const shift = glyphs.length - first;
    const remap = (gid: number): number => (gid < first ? 0 : gid + shift);
    for (let gid = first; gid < chunk.glyphs.length; gid++) {
      let g = chunk.glyphs[gid] ?? Buffer.alloc(0);
      if (g.length >= 10 && g.readInt16BE(0) < 0 && shift !== 0) {
        g = Buffer.from(g);
        const copy = g;
        walkComponents(copy, (at) => copy.writeUInt16BE(remap(copy.readUInt16BE(at)), at));
      }
      glyphs.push(g);
      advances.push(chunk.advances[gid] ?? 0);
      lsbs.push(chunk.lsbs[gid] ?? 0);
    }
    for (const [cp, gid] of chunk.cmap) if (!cmap.has(cp)) cmap.set(cp, remap(gid));
  }
  const n = glyphs.length;

  // glyf + loca (long offsets, glyphs 4-byte aligned)
  const loca = Buffer.alloc(4 * (n + 1));
  const parts: Buffer[] = [];
  let offset = 0;
  let [xMin, yMin, xMax, yMax] = [0x7fff, 0x7fff, -0x8000, -0x8000];
  let [minLsb, minRsb, maxExtent, maxAdvance] = [0x7fff, 0x7fff, -0x8000, 0];
  glyphs.forEach((g, i) => {
    loca.writeUInt32BE(offset, 4 * i);
    const adv = advances[i] ?? 0;
    const lsb = lsbs[i] ?? 0;
    maxAdvance = Math.max(maxAdvance, adv);
    if (g.length === 0) return;
    const [gx0, gy0, gx1, gy1] = [
      g.readInt16BE(2),
      g.readInt16BE(4),
      g.readInt16BE(6),
      g.readInt16BE(8),
    ];
    [xMin, yMin, xMax, yMax] = [
      Math.min(xMin, gx0),
      Math.min(yMin, gy0),
      Math.max(xMax, gx1),
      Math.max(yMax, gy1),
    ];
    minLsb = Math.min(minLsb, lsb);
    minRsb = Math.min(minRsb, adv - (lsb + gx1 - gx0));
    maxExtent = Math.max(maxExtent, lsb + gx1 - gx0);
    const padded = (g.length + 3) & ~3;
    parts.push(g, Buffer.alloc(padded - g.length));
    offset += padded;
  });
  loca.writeUInt32BE(offset, 4 * n);
  if (xMin > xMax) [xMin, yMin, xMax, yMax, minLsb, minRsb, maxExtent] = [0, 0, 0, 0, 0, 0, 0];

  let nhm = n;
  while (nhm > 1 && advances[nhm - 1] === advances[nhm - 2]) nhm--;
  const hmtx = Buffer.alloc(4 * nhm + 2 * (n - nhm));
  for (let i = 0; i < n; i++) {
    if (i < nhm) {
      hmtx.writeUInt16BE(advances[i] ?? 0, 4 * i);
      hmtx.writeInt16BE(lsbs[i] ?? 0, 4 * i + 2);
    } else hmtx.writeInt16BE(lsbs[i] ?? 0, 4 * nhm + 2 * (i - nhm));
  }

  const bt = base.tables;
  const head = Buffer.from(table(bt, 'head'));
  head.writeInt16BE(xMin, 36);
  head.writeInt16BE(yMin, 38);
  head.writeInt16BE(xMax, 40);
  head.writeInt16BE(yMax, 42);
  head.writeInt16BE(1, 50);

  const hhea = Buffer.from(table(bt, 'hhea'));
  hhea.writeUInt16BE(maxAdvance, 10);
  hhea.writeInt16BE(minLsb, 12);
  hhea.writeInt16BE(minRsb, 14);
  hhea.writeInt16BE(maxExtent, 16);
  hhea.writeUInt16BE(nhm, 34);

  const maxp = Buffer.from(table(bt, 'maxp'));
  maxp.writeUInt16BE(n, 4);
  for (let at = 6; at + 2 <= maxp.length; at += 2) {
    maxp.writeUInt16BE(
      Math.max(...chunks.map((c) => table(c.tables, 'maxp').readUInt16BE(at))),
      at,
    );
  }

  const os2 = Buffer.from(table(bt, 'OS/2'));
  const cps = [...cmap.keys()].sort((a, b) => a - b);
  if (cps.length > 0 && os2.length >= 68) {
    os2.writeUInt16BE(Math.min(0xffff, cps[0] ?? 0), 64);
    os2.writeUInt16BE(Math.min(0xffff, cps[cps.length - 1] ?? 0), 66);
  }

  const post = Buffer.alloc(32);
  table(bt, 'post').copy(post, 0, 0, 32);
  post.writeUInt32BE(0x00030000, 0);

  const baseName = bt.get('name');
  const name = buildName({
    family: input.family,
    weight: input.weight,
    copyright: baseName && readName(baseName, 0),
    version: baseName && readName(baseName, 5),
  });

  const out: Tables = new Map([
    ['head', head],
    ['hhea', hhea],
    ['maxp', maxp],
    ['OS/2', os2],
    ['hmtx', hmtx],
    ['cmap', writeCmap(cmap)],
    ['loca', loca],
    ['glyf', Buffer.concat(parts)],
    ['post', post],
    ['name', name],
  ]);
  for (const tag of COPIED_FROM_BASE) {
    const t = bt.get(tag);
    if (t) out.set(tag, t);
  }
  return { font: writeSfnt(out), glyphs: n, codePoints: new Set(cps) };
}
