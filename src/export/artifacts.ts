import * as zlib from 'node:zlib';
import createDebug from 'debug';
import { PDFArray, PDFContext, PDFDict, PDFName, PDFObjectParser, PDFRawStream, PDFRef } from 'pdf-lib';
import type { PDFDocument } from 'pdf-lib';
import type { ArtifactWorker } from './artifact-worker.js';
import type { PdfIndex } from './pdf-index.js';

const debug = createDebug('bideck:pdf');

/** A page's content stream as it is stored: its bytes, and whether they are Flate-compressed. */
export interface StoredContent {
  bytes: Uint8Array;
  flate: boolean;
}

/** A page content stream to mark: where it is, and its bytes as stored. */
export interface ContentJob {
  ref: PDFRef;
  content: StoredContent;
}

/**
 * Mark every piece of page content that is outside the structure tree as an artifact
 * (ISO 32000-1 §14.8.2.2, PDF/UA-1 §7.1: content is either tagged or an artifact). Chromium
 * tags what the accessibility tree holds and leaves the rest unmarked: backgrounds, rules,
 * bullets, and the footers and page numbers export/tags.ts hides from that tree.
 *
 * Works on Skia's content streams, which write one operator a line and strings as hex (see
 * {@link wrapUnmarked}). Returns the number of streams changed.
 */
export async function markArtifacts(doc: PDFDocument, worker?: ArtifactWorker): Promise<number> {
  const jobs = contentJobs(doc);
  return applyMarks(doc, jobs, await markContents(jobs.map((j) => j.content), worker));
}

/** The page content streams of a parsed document that {@link wrapUnmarked} can read. */
function contentJobs(doc: PDFDocument): ContentJob[] {
  const jobs: ContentJob[] = [];
  for (const page of doc.getPages()) {
    for (const ref of contentRefs(page.node)) {
      const stream = doc.context.lookup(ref);
      if (stream instanceof PDFRawStream) pushJob(jobs, ref, stream);
    }
  }
  return jobs;
}

/**
 * The same streams found through the file's index (export/pdf-index.ts), before the document is
 * parsed: only the trailer, the catalog, the page tree and the pages' streams are parsed here,
 * so the marking starts on the worker while this thread parses the rest. Undefined if the
 * document has no structure tree (a `--draft`: nothing to mark), or a page tree this cannot
 * walk or parse on its own: the caller then marks the parsed document's pages.
 */
export function contentJobsOf(pdf: Uint8Array, index: PdfIndex): ContentJob[] | undefined {
  try {
    return walkContents(pdf, index);
  } catch {
    return undefined; // an object pdf-lib cannot parse on its own: leave it to the whole parse
  }
}

function walkContents(pdf: Uint8Array, index: PdfIndex): ContentJob[] | undefined {
  const context = PDFContext.create();
  const spans = new Map(index.objects.map((s) => [s.num, s]));
  const parseAt = (from: number, to: number) => PDFObjectParser.forBytes(pdf.subarray(from, to), context).parseObject();
  const parse = (ref: unknown) => {
    const span = ref instanceof PDFRef && ref.generationNumber === 0 ? spans.get(ref.objectNumber) : undefined;
    return span && parseAt(span.body, span.bodyEnd);
  };
  const trailer = parseAt(index.trailer + 'trailer'.length, pdf.length);
  const catalog = trailer instanceof PDFDict ? parse(trailer.get(PDFName.of('Root'))) : undefined;
  if (!(catalog instanceof PDFDict) || !catalog.has(PDFName.of('StructTreeRoot'))) return undefined;
  const jobs: ContentJob[] = [];
  // The page tree from its root, as a reader walks it (ISO 32000-1 §7.7.3); a node seen twice is
  // a loop, and a tree this cannot walk leaves the marking to the parsed document.
  const seen = new Set<number>();
  const walk = (ref: unknown): boolean => {
    if (!(ref instanceof PDFRef) || seen.has(ref.objectNumber)) return false;
    seen.add(ref.objectNumber);
    const node = parse(ref);
    if (!(node instanceof PDFDict)) return false;
    const type = node.get(PDFName.of('Type'));
    if (type === PDFName.of('Page')) {
      for (const content of contentRefs(node)) {
        const stream = parse(content);
        if (stream instanceof PDFRawStream) pushJob(jobs, content, stream);
      }
      return true;
    }
    const kids = node.get(PDFName.of('Kids'));
    return type === PDFName.of('Pages') && kids instanceof PDFArray && kids.asArray().every(walk);
  };
  return walk(catalog.get(PDFName.of('Pages'))) ? jobs : undefined;
}

function contentRefs(page: PDFDict): PDFRef[] {
  const contents = page.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  return refs.filter((r): r is PDFRef => r instanceof PDFRef);
}

function pushJob(jobs: ContentJob[], ref: PDFRef, stream: PDFRawStream): void {
  const filter = stream.dict.get(PDFName.of('Filter'));
  if (filter !== undefined && filter !== PDFName.of('FlateDecode')) return;
  jobs.push({ ref, content: { bytes: stream.contents, flate: filter !== undefined } });
}

/** Streams a thread takes at a time: ≈ 15 ms of work, so neither waits long for the other. */
const CHUNK = 32;

/**
 * Each content stream marked ({@link remarkContent}), in order. With a worker, the worker starts
 * at once and this thread joins it once `free` resolves (the caller has parsed the document
 * meanwhile); they take chunks in turn until none is left (artifact-worker.ts): ≈ 0.45 s of
 * inflating, marking and deflating at 1,000 slides. A worker that fails leaves its chunks to
 * this thread: the PDF is the same either way.
 */
export async function markContents(contents: readonly StoredContent[], worker?: ArtifactWorker, free: Promise<unknown> = Promise.resolve()): Promise<(Uint8Array | undefined)[]> {
  const out: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(contents.length);
  const chunks = Math.ceil(contents.length / CHUNK);
  const mine = new Set<number>();
  const mark = (c: number) => {
    for (let i = c * CHUNK; i < Math.min(contents.length, (c + 1) * CHUNK); i++) out[i] = remarkContent(contents[i] as StoredContent, zlib, wrapUnmarked);
    mine.add(c);
  };
  const shared = worker && chunks > 1 ? worker.share(contents, CHUNK) : undefined;
  shared?.done.catch(() => undefined); // awaited below
  await free;
  if (!shared) {
    for (let c = 0; c < chunks; c++) mark(c);
    return out;
  }
  for (let c = shared.claim(); c !== undefined; c = shared.claim()) mark(c);
  // A failed worker costs time, not marks: this thread marks what it did not.
  const theirs = await shared.done.catch((e: unknown) => void debug('the artifact worker failed: %s', (e as Error).message));
  const fromWorker = chunks - mine.size;
  for (let c = 0; c < chunks; c++) {
    if (mine.has(c)) continue;
    const marked = theirs?.get(c);
    if (marked) marked.forEach((m, i) => (out[c * CHUNK + i] = m));
    else mark(c);
  }
  debug('artifacts: %d content streams in %d chunks, %d marked by the worker', contents.length, chunks, theirs ? fromWorker : 0);
  return out;
}

/** The marked streams written into the document in place of the printed ones; how many changed. */
export function applyMarks(doc: PDFDocument, jobs: readonly ContentJob[], marked: readonly (Uint8Array | undefined)[]): number {
  let changed = 0;
  jobs.forEach((job, i) => {
    const bytes = marked[i];
    const stream = doc.context.lookup(job.ref);
    if (!bytes || !(stream instanceof PDFRawStream)) return;
    const dict = stream.dict.clone(doc.context);
    dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
    doc.context.assign(job.ref, PDFRawStream.of(dict, bytes));
    changed++;
  });
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
  // The operators above end in one of these letters; most lines (`… Td <0041> Tj`) end in
  // another and are passed over without being cut out of the stream.
  const finals = new Set(['C', 'T', 'm', 'e', 'o', 'h', 'I'].map((c) => c.charCodeAt(0)));
  /** The stream as pieces: its own text between the marks put in. */
  const out: string[] = [];
  let copied = 0;
  const insertAt = (at: number, mark: string) => {
    out.push(content.slice(copied, at), mark);
    copied = at;
  };
  let depth = 0;
  let artifact = false;
  let wrapped = false;
  for (let start = 0; start <= content.length; ) {
    let end = content.indexOf('\n', start);
    if (end < 0) end = content.length;
    let last = end;
    while (last > start && isSpace(content.charCodeAt(last - 1))) last--;
    if (last > start && finals.has(content.charCodeAt(last - 1))) {
      const op = lastOperator(content.slice(start, end));
      if (op === 'BDC' || op === 'BMC') {
        if (depth === 0 && artifact) {
          insertAt(start, 'EMC\n');
          artifact = false;
        }
        depth++;
      } else if (op === 'EMC') {
        depth = Math.max(0, depth - 1);
      } else if (depth === 0 && !artifact && starts.has(op)) {
        insertAt(start, '/Artifact BMC\n');
        artifact = wrapped = true;
      }
    }
    start = end + 1;
  }
  if (!wrapped) return undefined;
  out.push(content.slice(copied));
  // An artifact still open closes after the last line; the stream keeps its own last newline.
  if (artifact) out.push(content.endsWith('\n') ? 'EMC\n' : '\nEMC');
  return out.join('');
}
