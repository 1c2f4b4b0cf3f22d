/**
 * Where each object of a PDF lies, read from its cross-reference table (ISO 32000-1 §7.5.4).
 * pdf-lib ignores the table and parses every object in turn; with the table, the post-processing
 * (export/metadata.ts) finds the page contents before parsing anything, and hands pdf-lib only the
 * objects it reads or changes.
 *
 * Only the one shape Chromium (Skia) writes is read: a single classic table starting at object 0,
 * generation 0 throughout, a trailer without /Prev or /XRefStm. Anything else, or any entry that
 * does not point at its own `N 0 obj`, gives undefined, and the caller parses the whole file.
 */
export interface ObjectSpan {
  /** Object number (generation 0). */
  num: number;
  /** Offset of `N 0 obj`. */
  start: number;
  /** The object's value: from after `N 0 obj` to before `endobj`, surrounding whitespace trimmed. */
  body: number;
  bodyEnd: number;
  /** Offset of the next object, or of the table: the object's bytes, `endobj` included, end there. */
  end: number;
}

export interface PdfIndex {
  /** In-use objects, in file order. */
  objects: ObjectSpan[];
  /** Offset of the `xref` keyword: the table, trailer and `%%EOF` follow it. */
  xref: number;
  /** Offset of the `trailer` keyword. */
  trailer: number;
}

const isSpace = (c: number | undefined) => c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0;
const isDigit = (c: number | undefined) => c !== undefined && c >= 48 && c <= 57;
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/** The objects of `pdf` and where they lie, or undefined if its table is not the kind read here. */
export function indexPdf(pdf: Uint8Array): PdfIndex | undefined {
  const tail = ascii(pdf, Math.max(0, pdf.length - 48), pdf.length);
  const last = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!last) return undefined;
  const xref = Number(last[1]);
  const head = /^xref\r?\n0 (\d+)\r?\n/.exec(ascii(pdf, xref, xref + 32));
  if (!head) return undefined;
  const count = Number(head[1]);
  const table = xref + head[0].length;
  let trailer = table + count * 20;
  while (trailer < pdf.length && isSpace(pdf[trailer])) trailer++;
  if (ascii(pdf, trailer, trailer + 7) !== 'trailer') return undefined;
  if (/\/(Prev|XRefStm)\b/.test(ascii(pdf, trailer, pdf.length - tail.length + (last.index ?? 0)))) return undefined;

  // Each entry: 10-digit offset, space, 5-digit generation, space, n or f, two-byte end of line.
  const spans: ObjectSpan[] = [];
  for (let num = 0; num < count; num++) {
    const at = table + num * 20;
    const kind = pdf[at + 17];
    if (kind === 102 /* f */) continue;
    if (kind !== 110 /* n */) return undefined;
    let start = 0;
    for (let i = 0; i < 10; i++) {
      const c = pdf[at + i];
      if (!isDigit(c)) return undefined;
      start = start * 10 + (c as number) - 48;
    }
    for (let i = 11; i < 16; i++) if (pdf[at + i] !== 48) return undefined; // generation 0
    spans.push({ num, start, body: 0, bodyEnd: 0, end: 0 });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i] as ObjectSpan;
    span.end = spans[i + 1]?.start ?? xref;
    const header = headerEnd(pdf, span.start, span.num);
    if (span.end <= span.start || header < 0) return undefined;
    let body = header;
    if (!isSpace(pdf[body]) && pdf[body] !== 60 /* < */ && pdf[body] !== 91 /* [ */) return undefined;
    let close = lastIndexOf(pdf, ENDOBJ, span.end, body);
    if (close < 0) return undefined;
    while (body < close && isSpace(pdf[body])) body++;
    while (close > body && isSpace(pdf[close - 1])) close--;
    span.body = body;
    span.bodyEnd = close;
  }
  return { objects: spans, xref, trailer };
}

const ENDOBJ = [101, 110, 100, 111, 98, 106]; // endobj
const OBJ = [32, 48, 32, 111, 98, 106]; // " 0 obj"

/** Where `num 0 obj` at `at` ends, or -1 if it is not there. */
function headerEnd(bytes: Uint8Array, at: number, num: number): number {
  const digits = String(num).length;
  for (let i = digits - 1, n = num; i >= 0; i--, n = Math.floor(n / 10)) if (bytes[at + i] !== 48 + (n % 10)) return -1;
  for (let i = 0; i < OBJ.length; i++) if (bytes[at + digits + i] !== OBJ[i]) return -1;
  return at + digits + OBJ.length;
}

/** The last `needle` that ends at or before `before` and starts at or after `after`, or -1. */
function lastIndexOf(bytes: Uint8Array, needle: readonly number[], before: number, after: number): number {
  outer: for (let at = before - needle.length; at >= after; at--) {
    for (let i = 0; i < needle.length; i++) if (bytes[at + i] !== needle[i]) continue outer;
    return at;
  }
  return -1;
}

/**
 * Whether the object is a dictionary whose first entry is `/Type /<type>` (Skia writes the type
 * first: `<</Type /StructElem`). A dictionary with its type elsewhere is not recognised.
 */
export function isDictOfType(pdf: Uint8Array, span: ObjectSpan, type: string): boolean {
  let at = span.body;
  const skip = () => {
    while (at < span.bodyEnd && isSpace(pdf[at])) at++;
  };
  const take = (text: string) => {
    for (let i = 0; i < text.length; i++) if (pdf[at + i] !== text.charCodeAt(i)) return false;
    at += text.length;
    return true;
  };
  if (!take('<<')) return false;
  skip();
  if (!take('/Type')) return false;
  skip();
  if (!take(`/${type}`)) return false;
  const next = pdf[at];
  return next !== undefined && (isSpace(next) || next === 47 /* / */ || next === 62 /* > */);
}
