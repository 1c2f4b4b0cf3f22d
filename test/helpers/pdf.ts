import { execFileSync, spawnSync } from 'node:child_process';

/** The PDF's text as poppler reads it: what a reader can select and search. */
export function pdfText(file: string, page?: number, crop?: { aboveY: number }): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  // Crop to the band above y (pt from the top) of a 960×540 pt page, e.g. to leave footers out.
  const area = crop ? ['-x', '0', '-y', '0', '-W', '960', '-H', String(crop.aboveY)] : [];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-raw', ...range, ...area, file, '-'], { encoding: 'utf8' });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(
    out.split('\n').filter(Boolean).map((l) => {
      const i = l.indexOf(':');
      return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
    }),
  );
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((l) => {
    // name, then type (may contain spaces), encoding, emb sub uni, object id
    const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(l);
    if (!m) throw new Error(`unexpected pdffonts line: ${l}`);
    return { name: m[1] ?? '', type: m[2] ?? '', embedded: m[4] === 'yes', subset: m[5] === 'yes' };
  });
}

/**
 * The text of every structure element, in the structure tree's order (`pdfinfo -struct-text`):
 * what a screen reader reads from the tags. Elements are separated by newlines.
 */
export function structText(file: string): string {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', '-struct-text', file], { encoding: 'utf8' });
  return out.split('\n').map((l) => /^\s*"(.*)"$/.exec(l)?.[1]).filter((t): t is string => t !== undefined).join('\n');
}

/** poppler's complaints about the structure tree (e.g. "StructElem object is wrong type"). */
export function structErrors(file: string): string[] {
  const run = spawnSync('pdfinfo', ['-struct', file], { encoding: 'utf8' });
  return run.stderr.split('\n').filter(Boolean);
}
