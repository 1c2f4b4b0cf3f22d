/**
 * A fresh `name` table for a merged subset. The chunk files of static Google Fonts
 * instances can carry odd names (e.g. "Noto Sans HK Thin" for every weight), so the
 * family, style and PostScript names are rebuilt from the requested family and weight.
 */

const WEIGHT_NAMES: Record<number, string> = {
  100: 'Thin',
  200: 'ExtraLight',
  300: 'Light',
  400: 'Regular',
  500: 'Medium',
  600: 'SemiBold',
  700: 'Bold',
  800: 'ExtraBold',
  900: 'Black',
};

export function weightName(weight: number): string {
  return WEIGHT_NAMES[weight] ?? `W${weight}`;
}

/** Read the Windows-Unicode English string with the given name id, if any. */
export function readName(name: Buffer, nameId: number): string | undefined {
  const count = name.readUInt16BE(2);
  const strings = name.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const rec = 6 + 12 * i;
    if (name.readUInt16BE(rec) !== 3 || name.readUInt16BE(rec + 6) !== nameId) continue;
    const len = name.readUInt16BE(rec + 8);
    const off = strings + name.readUInt16BE(rec + 10);
    return Buffer.from(name.subarray(off, off + len))
      .swap16()
      .toString('utf16le');
  }
  return undefined;
}

export interface NameInfo {
  family: string;
  weight: number;
  /** Copied from the source font, when present. */
  copyright?: string | undefined;
  version?: string | undefined;
}

export function buildName(info: NameInfo): Buffer {
  const style = weightName(info.weight);
  const ribbi = info.weight === 400 || info.weight === 700;
  const psFamily = info.family.replace(/[^A-Za-z0-9]/g, '');
  const entries: [number, string][] = [];
  if (info.copyright) entries.push([0, info.copyright]);
  entries.push([1, ribbi ? info.family : `${info.family} ${style}`]);
  entries.push([2, ribbi ? style : 'Regular']);
  entries.push([3, `${info.version ?? 'Version 1.0'};${psFamily}-${style};bideck subset`]);
  entries.push([4, info.weight === 400 ? info.family : `${info.family} ${style}`]);
  entries.push([5, info.version ?? 'Version 1.0']);
  entries.push([6, `${psFamily}-${style}`.slice(0, 63)]);
  if (!ribbi) entries.push([16, info.family], [17, style]);
  const encoded = entries.map(([id, text]) => [id, Buffer.from(text, 'utf16le').swap16()] as const);
  const header = Buffer.alloc(6 + 12 * encoded.length);
  header.writeUInt16BE(encoded.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  encoded.forEach(([id, data], i) => {
    const rec = 6 + 12 * i;
    header.writeUInt16BE(3, rec);
    header.writeUInt16BE(1, rec + 2);
    header.writeUInt16BE(0x409, rec + 4);
    header.writeUInt16BE(id, rec + 6);
    header.writeUInt16BE(data.length, rec + 8);
    header.writeUInt16BE(offset, rec + 10);
    offset += data.length;
  });
  return Buffer.concat([header, ...encoded.map(([, data]) => data)]);
}
