import * as zlib from 'node:zlib';
import { PDFArray, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import type { PDFDocument } from 'pdf-lib';
import type { ArtifactWorker } from './artifact-worker.js';

/** A page's content stream as it is stored: its bytes, and whether they are Flate-compressed. */
export interface StoredContent {
  bytes: Uint8Array;
  flate: boolean;
}

/**
 * Mark every piece of page content that is outside the structure tree as an artifact
 * (ISO 32000-1 §14.8.2.2, PDF/UA-1 §7.1: content is either tagged or an artifact). Chromium
 * tags what the accessibility tree holds and leaves the rest unmarked: backgrounds, rules,
 * bullets, and the footers and page numbers export/tags.ts hides from that tree.
 *
 * Works on Skia's content streams, which write one operator a line and strings as hex (see
 * {@link wrapUnmarked}). With a worker, it marks half of the streams while this thread marks the
 * other half: ≈ 0.45 s of inflating, marking and deflating at 1,000 slides, on two cores.
 * Returns the number of streams changed.
 */
export async function markArtifacts(doc: PDFDocument, worker?: ArtifactWorker): Promise<number> {
  const jobs: { ref: PDFRef; stream: PDFRawStream; content: StoredContent }[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of refs) {
      if (!(ref instanceof PDFRef)) continue;
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      const filter = stream.dict.get(PDFName.of('Filter'));
      if (filter !== undefined && filter !== PDFName.of('FlateDecode')) continue;
      jobs.push({ ref, stream, content: { bytes: stream.contents, flate: filter !== undefined } });
    }
  }
  // The worker's share is sent first, so both threads work at once.
  const shared = worker && jobs.length > 1 ? jobs.splice(0, Math.floor(jobs.length / 2)) : [];
  const remote = shared.length && worker ? worker.mark(shared.map((j) => j.content)) : undefined;
  remote?.catch(() => undefined); // awaited below
  const local = jobs.map((j) => remarkContent(j.content, zlib, wrapUnmarked));
  // A worker that failed leaves its share to this thread: the PDF is the same either way.
  const fromWorker = remote ? await remote.catch(() => shared.map((j) => remarkContent(j.content, zlib, wrapUnmarked))) : [];
  let changed = 0;
  const replace = (job: (typeof jobs)[number], bytes: Uint8Array | undefined) => {
    if (!bytes) return;
    const dict = job.stream.dict.clone(doc.context);
    dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
    doc.context.assign(job.ref, PDFRawStream.of(dict, bytes));
    changed++;
  };
  shared.forEach((job, i) => replace(job, fromWorker[i]));
  jobs.forEach((job, i) => replace(job, local[i]));
  return changed;
}

/**
 * One content stream with its unmarked content wrapped ({@link wrapUnmarked}), deflated; undefined
 * if it needs no change. Self-contained (zlib and the wrapper are passed in): the artifact worker
 * runs its source as it is. @internal
 */
export function remarkContent(
  content: StoredContent,
  z: { inflateSync(b: Uint8Array): Uint8Array; deflateSync(b: Uint8Array): Uint8Array },
  wrap: (text: string) => string | undefined,
): Uint8Array | undefined {
  const raw = content.flate ? z.inflateSync(content.bytes) : content.bytes;
  const marked = wrap(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1'));
  return marked === undefined ? undefined : z.deflateSync(Buffer.from(marked, 'latin1'));
}

/**
 * The content stream with its unmarked content in `/Artifact BMC … EMC`; undefined if not needed
 * or not safe. An `/Artifact BMC` opens before a graphics object outside any marked-content
 * sequence, and its `EMC` closes before the next tagged sequence or at the end of the stream. A
 * stream with a literal string or inline image (not Skia's output) is left as it is.
 * Self-contained, for the artifact worker. @internal
 */
export function wrapUnmarked(content: string): string | undefined {
  if (/[()]|\bBI\b/.test(content)) return undefined;
  /** Operators that begin a graphics object or paint on their own (ISO 32000-1 §8.2, Table 51). */
  const starts = new Set(['BT', 'm', 're', 'Do', 'sh', 'BI']);
  const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 10 || c === 12 || c === 0;
  /**
   * A line's last token: its operator (`BT`, `re`, `BDC` in `/Span <</MCID 3 >>BDC`). Found by
   * scanning back, not by splitting: a 1,000-page document has half a million lines.
   */
  const lastOperator = (line: string) => {
    let end = line.length;
    while (end > 0 && isSpace(line.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > 0 && !isSpace(line.charCodeAt(start - 1)) && !(line.charCodeAt(start - 1) === 62 /* > */ && line.charCodeAt(start - 2) === 62)) start--;
    return line.slice(start, end);
  };
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
    } else if (depth === 0 && !artifact && starts.has(op)) {
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
