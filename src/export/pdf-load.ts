import { PDFDocument, PDFObject, PDFRef, ParseSpeeds } from 'pdf-lib';
import type { PDFContext } from 'pdf-lib';
import { isDictOfType } from './pdf-index.js';
import type { PdfIndex } from './pdf-index.js';

/**
 * An object kept as the bytes it was printed with: written back as they are, never read. The
 * writer asks an object only for its size and bytes (pdf-lib's PDFObject), so it goes into an
 * object stream like any dictionary.
 */
export class VerbatimObject extends PDFObject {
  constructor(readonly bytes: Uint8Array) {
    super();
  }

  override clone(): VerbatimObject {
    return new VerbatimObject(this.bytes);
  }

  override toString(): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('latin1');
  }

  override sizeInBytes(): number {
    return this.bytes.length;
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    buffer.set(this.bytes, offset);
    return this.bytes.length;
  }
}

/**
 * Chromium's PDF, parsed for post-processing (export/metadata.ts). With its index, the structure
 * elements (at 1,000 slides, 46,000 of 49,000 objects), which bideck neither reads nor changes,
 * stay their bytes: pdf-lib parses the rest, a third of the time. Without one, pdf-lib parses all.
 */
export async function loadPrinted(pdf: Uint8Array, index?: PdfIndex): Promise<PDFDocument> {
  // Parsed in one go: pdf-lib's default yields to the event loop every 100 objects, which took a
  // 1,000-page tagged PDF 1.8 s to load instead of 0.7 s.
  const options = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest };
  if (!index) return PDFDocument.load(pdf, options);
  const kept: Uint8Array[] = [pdf.subarray(0, index.objects[0]?.start ?? index.xref)];
  const verbatim: typeof index.objects = [];
  for (const span of index.objects) {
    if (isDictOfType(pdf, span, 'StructElem')) verbatim.push(span);
    else kept.push(pdf.subarray(span.start, span.end));
  }
  // pdf-lib reads objects in turn and the trailer after them: it needs no table.
  kept.push(pdf.subarray(index.trailer));
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(Buffer.concat(kept), options);
  } catch {
    return PDFDocument.load(pdf, options); // as if there were no index: the whole file's error, if any
  }
  assignVerbatim(doc.context, pdf, verbatim);
  return doc;
}

function assignVerbatim(context: PDFContext, pdf: Uint8Array, spans: PdfIndex['objects']): void {
  for (const span of spans) context.assign(PDFRef.of(span.num, 0), new VerbatimObject(pdf.subarray(span.body, span.bodyEnd)));
}
