/**
 * Minimal reading and writing of TrueType (sfnt) containers and `glyf` glyph records.
 * Only what the subset merger and the WOFF2 encoder need.
 */

export type Tables = Map<string, Buffer>;

/** Split an sfnt (TrueType flavour) into its tables. */
export function readSfnt(font: Buffer): Tables {
  const flavor = font.readUInt32BE(0);
  if (flavor !== 0x00010000 && flavor !== 0x74727565) {
    throw new Error(`not a TrueType font (flavor 0x${flavor.toString(16)})`);
  }
  const tables: Tables = new Map();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const rec = 12 + 16 * i;
    const tag = font.toString('latin1', rec, rec + 4);
    const offset = font.readUInt32BE(rec + 8);
    const length = font.readUInt32BE(rec + 12);
    if (offset + length > font.length) throw new Error(`table ${tag} is truncated`);
    tables.set(tag, font.subarray(offset, offset + length));
  }
  return tables;
}

export function checksum(data: Buffer): number {
  let sum = 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + data.readUInt32BE(i)) >>> 0;
  if (whole < data.length) {
    const tail = Buffer.alloc(4);
    data.copy(tail, 0, whole);
    sum = (sum + tail.readUInt32BE(0)) >>> 0;
  }
  return sum;
}

const pad4 = (n: number): number => (n + 3) & ~3;

/** Assemble an sfnt from tables (sorted by tag) and fix `head.checkSumAdjustment`. */
export function writeSfnt(tables: Tables): Buffer {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const headerSize = 12 + 16 * n;
  let size = headerSize;
  for (const tag of tags) size += pad4(tables.get(tag)?.length ?? 0);
  const out = Buffer.alloc(size);
  let pow = 1;
  let log = 0;
  while (pow * 2 <= n) {
    pow *= 2;
    log++;
  }
  out.writeUInt32BE(0x00010000, 0);
  out.writeUInt16BE(n, 4);
  out.writeUInt16BE(pow * 16, 6);
  out.writeUInt16BE(log, 8);
  out.writeUInt16BE(n * 16 - pow * 16, 10);
  let offset = headerSize;
  let headOffset = -1;
  tags.forEach((tag, i) => {
    let data = tables.get(tag) ?? Buffer.alloc(0);
    if (tag === 'head') {
      headOffset = offset;
      data = Buffer.from(data);
      data.writeUInt32BE(0, 8);
    }
    const rec = 12 + 16 * i;
    out.write(tag, rec, 'latin1');
    out.writeUInt32BE(checksum(data), rec + 4);
    out.writeUInt32BE(offset, rec + 8);
    out.writeUInt32BE(data.length, rec + 12);
    data.copy(out, offset);
    offset += pad4(data.length);
  });
  if (headOffset >= 0) out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headOffset + 8);
  return out;
}

/** Glyph `i`'s bytes from `glyf`, using `loca` in the given format (0 short, 1 long). */
export function glyphSlices(
  glyf: Buffer,
  loca: Buffer,
  locFormat: number,
  numGlyphs: number,
): Buffer[] {
  const at = (i: number): number =>
    locFormat === 0 ? loca.readUInt16BE(2 * i) * 2 : loca.readUInt32BE(4 * i);
  const out: Buffer[] = [];
  for (let i = 0; i < numGlyphs; i++) out.push(glyf.subarray(at(i), at(i + 1)));
  return out;
}

export const COMPOSITE = {
  ARGS_ARE_WORDS: 0x0001,
  HAVE_SCALE: 0x0008,
  MORE_COMPONENTS: 0x0020,
  HAVE_XY_SCALE: 0x0040,
  HAVE_2X2: 0x0080,
  HAVE_INSTRUCTIONS: 0x0100,
} as const;

/** Walk a composite glyph's components: calls `visit(offsetOfGlyphIndex)`; returns the end of the component data. */
export function walkComponents(
  glyph: Buffer,
  visit: (glyphIndexOffset: number) => void,
): { end: number; flags: number } {
  let p = 10;
  let flags: number;
  let all = 0;
  do {
    flags = glyph.readUInt16BE(p);
    all |= flags;
    visit(p + 2);
    p += 4 + (flags & COMPOSITE.ARGS_ARE_WORDS ? 4 : 2);
    if (flags & COMPOSITE.HAVE_SCALE) p += 2;
    else if (flags & COMPOSITE.HAVE_XY_SCALE) p += 4;
    else if (flags & COMPOSITE.HAVE_2X2) p += 8;
  } while (flags & COMPOSITE.MORE_COMPONENTS);
  return { end: p, flags: all };
}

export interface SimpleGlyph {
  /** Number of points in each contour. */
  contourSizes: number[];
  /** Per point: on-curve flag, and the delta to the previous point (first point: to 0,0). */
  onCurve: Uint8Array;
  dx: Int32Array;
  dy: Int32Array;
  instructions: Buffer;
}

/** Decode a simple glyph (numberOfContours > 0). */
export function readSimpleGlyph(glyph: Buffer): SimpleGlyph {
  const nContours = glyph.readInt16BE(0);
  const contourSizes: number[] = [];
  let prevEnd = -1;
  for (let i = 0; i < nContours; i++) {
    const end = glyph.readUInt16BE(10 + 2 * i);
    contourSizes.push(end - prevEnd);
    prevEnd = end;
  }
  const nPoints = prevEnd + 1;
  let p = 10 + 2 * nContours;
  const insLen = glyph.readUInt16BE(p);
  const instructions = glyph.subarray(p + 2, p + 2 + insLen);
  p += 2 + insLen;
  const flags = new Uint8Array(nPoints);
  for (let i = 0; i < nPoints;) {
    const f = glyph.readUInt8(p++);
    flags[i++] = f;
    if (f & 0x08) {
      let repeat = glyph.readUInt8(p++);
      while (repeat-- > 0 && i < nPoints) flags[i++] = f;
    }
  }
  const readCoords = (short: number, same: number): Int32Array => {
    const out = new Int32Array(nPoints);
    for (let i = 0; i < nPoints; i++) {
      const f = flags[i] ?? 0;
      if (f & short) {
        const v = glyph.readUInt8(p++);
        out[i] = f & same ? v : -v;
      } else if (!(f & same)) {
        out[i] = glyph.readInt16BE(p);
        p += 2;
      }
    }
    return out;
  };
  const dx = readCoords(0x02, 0x10);
  const dy = readCoords(0x04, 0x20);
  const onCurve = flags.map((f) => f & 1);
  return { contourSizes, onCurve, dx, dy, instructions };
}
