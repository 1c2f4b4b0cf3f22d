import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import { PDFCrossRefStream, PDFHeader, PDFInvalidObject, PDFName, PDFNumber, PDFObjectStream, PDFRawStream, PDFRef, PDFStream, PDFTrailer, PDFWriter } from 'pdf-lib';
import type { PDFContext, PDFDocument, PDFObject } from 'pdf-lib';

const deflateAsync = promisify(deflate);

/** Objects a compressed object stream holds (ISO 32000-1 §7.5.7): pdf-lib's default is 50. */
export const OBJECTS_PER_STREAM = 500;

/**
 * The document's bytes: a PDF 1.7 file whose objects are packed into compressed object streams
 * with a cross-reference stream, as pdf-lib's `doc.save()` writes it, with two differences:
 * - 500 objects a stream, not 50: at 1,000 tagged slides that was 1,000 streams, each paying
 *   the compressor's set-up; the file is also 4 % smaller (the structure tree's dictionaries
 *   compress better together), and a reader inflates ≈ 40 KB to reach an object;
 * - the object streams and the cross-reference stream are deflated by Node's zlib on its thread
 *   pool, all at once, instead of by pako on this thread one after another: pako took ≈ 0.2 s of
 *   the save at 1,000 slides.
 */
export async function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  await doc.flush();
  return ZlibStreamWriter.of(doc.context).serializeToBuffer();
}

/**
 * pdf-lib's PDFStreamWriter with the object streams deflated before their offsets are counted. It
 * overrides the one step PDFWriter leaves to its subclasses, as PDFStreamWriter does, and keeps
 * its rules: streams, invalid objects and objects of another generation stay outside.
 */
class ZlibStreamWriter extends PDFWriter {
  static of(context: PDFContext): ZlibStreamWriter {
    return new ZlibStreamWriter(context, Infinity);
  }

  protected override async computeBufferSize(): Promise<Awaited<ReturnType<PDFWriter['computeBufferSize']>>> {
    const context = this.context;
    let objectNumber = context.largestObjectNumber + 1;
    const header = PDFHeader.forVersion(1, 7);
    let size = header.sizeInBytes() + 2;
    // Its contents are deflated below, by zlib too.
    const xref = PDFCrossRefStream.create(this.createTrailerDict(), false);
    const written: [PDFRef, PDFObject][] = [];
    const packs: { ref: PDFRef; objects: [PDFRef, PDFObject][] }[] = [];
    for (const [ref, object] of context.enumerateIndirectObjects()) {
      const alone = ref === context.trailerInfo.Encrypt || object instanceof PDFStream || object instanceof PDFInvalidObject || ref.generationNumber !== 0;
      if (alone) {
        written.push([ref, object]);
        xref.addUncompressedEntry(ref, size);
        size += this.computeIndirectObjectSize([ref, object]);
        continue;
      }
      let pack = packs.at(-1);
      if (!pack || pack.objects.length === OBJECTS_PER_STREAM) {
        pack = { ref: PDFRef.of(objectNumber++), objects: [] };
        packs.push(pack);
      }
      xref.addCompressedEntry(ref, pack.ref, pack.objects.length);
      pack.objects.push([ref, object]);
    }
    const streams = await Promise.all(
      packs.map(async ({ objects }) => {
        const plain = PDFObjectStream.withContextAndObjects(context, objects, false);
        const dict = plain.dict.clone(context);
        dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
        return PDFRawStream.of(dict, await deflateAsync(plain.getUnencodedContents()));
      }),
    );
    packs.forEach(({ ref }, i) => {
      const stream = streams[i] as PDFRawStream;
      xref.addUncompressedEntry(ref, size);
      size += this.computeIndirectObjectSize([ref, stream]);
      written.push([ref, stream]);
    });
    const xrefRef = PDFRef.of(objectNumber++);
    xref.dict.set(PDFName.of('Size'), PDFNumber.of(objectNumber));
    xref.addUncompressedEntry(xrefRef, size);
    const xrefOffset = size;
    xref.updateDict(); // its /W and /Index
    const xrefDict = xref.dict.clone(context);
    xrefDict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
    const xrefStream = PDFRawStream.of(xrefDict, await deflateAsync(xref.getUnencodedContents()));
    size += this.computeIndirectObjectSize([xrefRef, xrefStream]);
    written.push([xrefRef, xrefStream]);
    const trailer = PDFTrailer.forLastCrossRefSectionOffset(xrefOffset);
    size += trailer.sizeInBytes();
    return { size, header, indirectObjects: written, trailer };
  }
}
