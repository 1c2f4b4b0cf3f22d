import { deflateSync, inflateSync } from 'node:zlib';
import { PDFArray, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import type { PDFDocument } from 'pdf-lib';

/** Operators that begin a graphics object or paint on their own (ISO 32000-1 §8.2, Table 51). */
const STARTS = new Set(['BT', 'm', 're', 'Do', 'sh', 'BI']);

/**
 * Mark every piece of page content that is outside the structure tree as an artifact
 * (ISO 32000-1 §14.8.2.2, PDF/UA-1 §7.1: content is either tagged or an artifact). Chromium
 * tags what the accessibility tree holds and leaves the rest unmarked: backgrounds, rules,
 * bullets, and the footers and page numbers export/tags.ts hides from that tree.
 *
 * Works on Skia's content streams, which write one operator a line and strings as hex: an
 * `/Artifact BMC` opens before a graphics object outside any marked-content sequence, and its
 * `EMC` closes before the next tagged sequence or at the end of the stream. A stream with a
 * literal string or inline image (not Skia's output) is left as it is.
 * Returns the number of streams changed.
 */
export function markArtifacts(doc: PDFDocument): number {
  let changed = 0;
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of refs) {
      if (!(ref instanceof PDFRef)) continue;
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      const filter = stream.dict.get(PDFName.of('Filter'));
      if (filter !== undefined && filter !== PDFName.of('FlateDecode')) continue;
      const flate = filter !== undefined;
      const text = Buffer.from(flate ? inflateSync(stream.contents) : stream.contents).toString('latin1');
      const marked = wrapUnmarked(text);
      if (marked === undefined) continue;
      const dict = stream.dict.clone(doc.context);
      const bytes = deflateSync(Buffer.from(marked, 'latin1'));
      dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
      doc.context.assign(ref, PDFRawStream.of(dict, bytes));
      changed++;
    }
  }
  return changed;
}

/**
 * A line's last token: its operator (`BT`, `re`, `BDC` in `/Span <</MCID 3 >>BDC`). Found by
 * scanning back, not by splitting: a 1,000-page document has half a million lines.
 */
function lastOperator(line: string): string {
  let end = line.length;
  while (end > 0 && isSpace(line.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isSpace(line.charCodeAt(start - 1)) && !(line.charCodeAt(start - 1) === 62 /* > */ && line.charCodeAt(start - 2) === 62)) start--;
  return line.slice(start, end);
}
const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 10 || c === 12 || c === 0;

/** The content stream with its unmarked content in `/Artifact BMC … EMC`; undefined if not needed or not safe. @internal */
export function wrapUnmarked(content: string): string | undefined {
  if (/[()]|\bBI\b/.test(content)) return undefined;
  const out: string[] = [];
  let depth = 0;
  let artifact = false;
  let wrapped = false;
  for (const line of content.split('\n')) {
    const op = lastOperator(line);
    if (op === 'BDC' || op === 'BMC') {
      if (depth === 0 && artifact) {
        out.push('EMC');
        artifact = false;
      }
      depth++;
    } else if (op === 'EMC') {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0 && !artifact && STARTS.has(op)) {
      out.push('/Artifact BMC');
      artifact = wrapped = true;
    }
    out.push(line);
  }
  if (artifact) {
    // Before a trailing empty line, so the stream keeps its last newline.
    if (out.at(-1) === '') out.splice(out.length - 1, 0, 'EMC');
    else out.push('EMC');
  }
  return wrapped ? out.join('\n') : undefined;
}
