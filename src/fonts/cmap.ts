/** Reading (formats 4 and 12) and writing (format 4 + 12) of the `cmap` table. */

/** Code point → glyph id, from the best Unicode subtable of a `cmap` table. */
export function readCmap(cmap: Buffer): Map<number, number> {
  const count = cmap.readUInt16BE(2);
  let best = -1;
  let bestRank = 0;
  for (let i = 0; i < count; i++) {
    const rec = 4 + 8 * i;
    const platform = cmap.readUInt16BE(rec);
    const encoding = cmap.readUInt16BE(rec + 2);
    const offset = cmap.readUInt32BE(rec + 4);
    const format = cmap.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    const rank = !unicode ? 0 : format === 12 ? 2 : format === 4 ? 1 : 0;
    if (rank > bestRank) {
      bestRank = rank;
      best = offset;
    }
  }
  const map = new Map<number, number>();
  if (best < 0) return map;
  const t = cmap.subarray(best);
  if (bestRank === 2) {
    const groups = t.readUInt32BE(12);
    for (let g = 0; g < groups; g++) {
      const start = t.readUInt32BE(16 + 12 * g);
      const end = t.readUInt32BE(20 + 12 * g);
      const gid = t.readUInt32BE(24 + 12 * g);
      for (let cp = start; cp <= end; cp++) map.set(cp, gid + cp - start);
    }
    return map;
  }
  const segX2 = t.readUInt16BE(6);
  const ends = 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  for (let s = 0; s < segX2; s += 2) {
    const start = t.readUInt16BE(starts + s);
    const end = t.readUInt16BE(ends + s);
    const delta = t.readUInt16BE(deltas + s);
    const ro = t.readUInt16BE(rangeOffsets + s);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let gid: number;
      if (ro === 0) gid = (cp + delta) & 0xffff;
      else {
        const raw = t.readUInt16BE(rangeOffsets + s + ro + 2 * (cp - start));
        gid = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (gid !== 0) map.set(cp, gid);
    }
  }
  return map;
}

interface Run {
  start: number;
  end: number;
  gid: number;
}

/** Runs of consecutive code points mapped to consecutive glyph ids. */
function runs(entries: readonly (readonly [number, number])[]): Run[] {
  const out: Run[] = [];
  for (const [cp, gid] of entries) {
    const last = out[out.length - 1];
    if (last && cp === last.end + 1 && gid === last.gid + (cp - last.start)) last.end = cp;
    else out.push({ start: cp, end: cp, gid });
  }
  return out;
}

function format4(bmpRuns: Run[]): Buffer | undefined {
  const segs = [...bmpRuns, { start: 0xffff, end: 0xffff, gid: 1 }];
  const n = segs.length;
  const length = 16 + 8 * n;
  if (length > 0xffff) return undefined;
  const b = Buffer.alloc(length);
  let pow = 1;
  let log = 0;
  while (pow * 2 <= n) {
    pow *= 2;
    log++;
  }
  b.writeUInt16BE(4, 0);
  b.writeUInt16BE(length, 2);
  b.writeUInt16BE(n * 2, 6);
  b.writeUInt16BE(pow * 2, 8);
  b.writeUInt16BE(log, 10);
  b.writeUInt16BE(2 * n - 2 * pow, 12);
  segs.forEach((s, i) => {
    b.writeUInt16BE(s.end, 14 + 2 * i);
    b.writeUInt16BE(s.start, 16 + 2 * n + 2 * i);
    b.writeUInt16BE((s.gid - s.start) & 0xffff, 16 + 4 * n + 2 * i);
  });
  return b;
}

function format12(allRuns: Run[]): Buffer {
  const b = Buffer.alloc(16 + 12 * allRuns.length);
  b.writeUInt16BE(12, 0);
  b.writeUInt32BE(b.length, 4);
  b.writeUInt32BE(allRuns.length, 12);
  allRuns.forEach((r, i) => {
    b.writeUInt32BE(r.start, 16 + 12 * i);
    b.writeUInt32BE(r.end, 20 + 12 * i);
    b.writeUInt32BE(r.gid, 24 + 12 * i);
  });
  return b;
}

/** A `cmap` with a (3,1) format 4 subtable and, when needed, a (3,10) format 12 one. */
export function writeCmap(map: ReadonlyMap<number, number>): Buffer {
  const entries = [...map].sort((a, b) => a[0] - b[0]);
  const all = runs(entries);
  const bmp = runs(entries.filter(([cp]) => cp < 0xffff));
  const sub4 = format4(bmp);
  const sub12 = !sub4 || entries.some(([cp]) => cp > 0xffff) ? format12(all) : undefined;
  const subs: [number, number, Buffer][] = [];
  if (sub4) subs.push([3, 1, sub4]);
  if (sub12) subs.push([3, 10, sub12]);
  const head = Buffer.alloc(4 + 8 * subs.length);
  head.writeUInt16BE(subs.length, 2);
  let offset = head.length;
  subs.forEach(([platform, encoding, data], i) => {
    head.writeUInt16BE(platform, 4 + 8 * i);
    head.writeUInt16BE(encoding, 6 + 8 * i);
    head.writeUInt32BE(offset, 8 + 8 * i);
    offset += data.length;
  });
  return Buffer.concat([head, ...subs.map((s) => s[2])]);
}
