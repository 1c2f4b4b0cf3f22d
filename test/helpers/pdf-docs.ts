import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { PDFObject } from 'pdf-lib';

/** A small document shaped like Chromium's tagged PDF: pages, content streams, a structure tree. */
export interface DocShape {
  pages: number;
  /** Structure elements a page, each with a type, a marked-content id and text-like extras. */
  elements: { type: string; lang?: string; alt?: string }[][];
  /** Other dictionaries and arrays, as a producer might add (fonts, resources, number trees). */
  extras: { key: string; values: number[] }[];
}

export const docShape: fc.Arbitrary<DocShape> = fc
  .integer({ min: 1, max: 6 })
  .chain((pages) =>
    fc.record({
      pages: fc.constant(pages),
      elements: fc.array(
        fc.array(
          fc.record(
            {
              type: fc.constantFrom('P', 'H1', 'Span', 'NonStruct', 'Art', 'LI', 'Strong', 'Figure'),
              lang: fc.constantFrom('en', 'zh-Hant-HK'),
              // Text a structure element may carry, with the bytes a string must escape.
              alt: fc.string({ maxLength: 12 }),
            },
            { requiredKeys: ['type'] },
          ),
          { maxLength: 8 },
        ),
        { minLength: pages, maxLength: pages },
      ),
      extras: fc.array(fc.record({ key: fc.stringMatching(/^[A-Z][a-z]{0,6}$/), values: fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 5 }) }), { maxLength: 6 }),
    }),
  );

/** The document of a shape, written by pdf-lib with a classic cross-reference table, as Skia writes. */
export async function tableDoc(shape: DocShape): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const { context } = doc;
  const root = context.obj({ Type: 'StructTreeRoot' });
  const rootRef = context.register(root);
  const kids = context.obj([]);
  root.set(PDFName.of('K'), kids);
  for (let p = 0; p < shape.pages; p++) {
    const page = doc.addPage([960, 540]);
    const marks = (shape.elements[p] ?? []).map((_, i) => `/P <</MCID ${i} >>BDC\nBT\n<0001> Tj\nET\nEMC`).join('\n');
    const content = context.flateStream(`q\n0 0 960 540 re\nf\n${marks}\nQ\n`);
    page.node.set(PDFName.of('Contents'), context.register(content));
    (shape.elements[p] ?? []).forEach((e, i) => {
      const elem = context.obj({ Type: 'StructElem', S: e.type, P: rootRef, Pg: page.ref, K: i });
      if (e.lang) elem.set(PDFName.of('Lang'), context.obj(e.lang));
      if (e.alt !== undefined) elem.set(PDFName.of('Alt'), context.obj(e.alt));
      kids.push(context.register(elem));
    });
  }
  for (const extra of shape.extras) context.register(context.obj({ [extra.key]: extra.values }));
  doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  return doc.save({ useObjectStreams: false });
}

/** Each object of a PDF by number, as text a reader would parse the same way (streams inflated). */
export async function objectsOf(pdf: Uint8Array): Promise<Map<number, string>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const text = (o: PDFObject) => {
    if (!(o instanceof PDFRawStream)) return o.toString();
    const dict = o.dict.clone();
    dict.delete(PDFName.of('Length'));
    dict.delete(PDFName.of('Filter'));
    const flate = o.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode');
    return `${dict.toString()} stream ${Buffer.from(flate ? inflateSync(o.contents) : o.contents).toString('latin1')}`;
  };
  const out = new Map<number, string>();
  for (const [ref, o] of doc.context.enumerateIndirectObjects()) {
    if (o instanceof PDFRawStream && ['ObjStm', 'XRef'].includes(String(o.dict.get(PDFName.of('Type'))).slice(1))) continue;
    out.set(ref.objectNumber, text(o));
  }
  return out;
}
