import fc from 'fast-check';
import { PDFContext, PDFDocument, PDFObjectParser } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { indexPdf } from '../../src/export/pdf-index.js';
import { docShape, tableDoc } from '../helpers/pdf-docs.js';

const latin = (b: Uint8Array) => Buffer.from(b).toString('latin1');

/** Every object pdf-lib reads from the file, found by the index with the same value. */
async function agrees(pdf: Uint8Array): Promise<void> {
  const index = indexPdf(pdf);
  expect(index).toBeDefined();
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const context = PDFContext.create();
  const found = new Map(index?.objects.map((s) => [s.num, PDFObjectParser.forBytes(pdf.subarray(s.body, s.bodyEnd), context).parseObject().toString()]));
  const read = new Map(doc.context.enumerateIndirectObjects().map(([ref, o]) => [ref.objectNumber, o.toString()]));
  expect(found).toEqual(read);
  // In file order, each ending where the next begins.
  const starts = index?.objects.map((s) => s.start) ?? [];
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
}

describe('indexPdf', () => {
  it('finds every object of a file with one classic table, as pdf-lib reads it', async () => {
    await fc.assert(fc.asyncProperty(docShape, async (shape) => agrees(await tableDoc(shape))), { numRuns: 60 });
  });

  it('reads nothing but the one table Chromium writes: the caller then parses the whole file', async () => {
    const pdf = await tableDoc({ pages: 2, elements: [[{ type: 'P' }], [{ type: 'H1' }]], extras: [] });
    const text = latin(pdf);
    const bytes = (s: string) => Buffer.from(s, 'latin1');
    // A cross-reference stream (pdf-lib's own default).
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(indexPdf(await doc.save({ useObjectStreams: true }))).toBeUndefined();
    // An incremental update: a second table and a trailer with /Prev.
    const xref = /startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))?.[1];
    const object = '\n1 0 obj\n<< /Type /Catalog >>\nendobj\n';
    const table = `xref\n0 2\n0000000000 65535 f \n${String(pdf.length + 1).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R /Prev ${xref} >>\n`;
    const updated = Buffer.concat([pdf, bytes(`${object}${table}startxref\n${pdf.length + object.length}\n%%EOF\n`)]);
    expect(indexPdf(updated)).toBeUndefined();
    // (Refused for its /Prev alone: the same update without it is read.)
    expect(indexPdf(Buffer.from(latin(updated).replace(` /Prev ${xref}`, ''), 'latin1'))).toBeDefined();
    // An entry pointing anywhere but at its object.
    const entry = /\n(\d{10}) 00000 n \r?\n/.exec(text.slice(text.lastIndexOf('\nxref\n')));
    const moved = text.replace(`${entry?.[1]} 00000 n`, `${String(Number(entry?.[1]) + 1).padStart(10, '0')} 00000 n`);
    expect(indexPdf(bytes(moved))).toBeUndefined();
    // An entry neither in use nor free.
    expect(indexPdf(bytes(text.replace(`${entry?.[1]} 00000 n`, `${entry?.[1]} 00000 x`)))).toBeUndefined();
    // A generation other than 0.
    expect(indexPdf(bytes(text.replace(`${entry?.[1]} 00000 n`, `${entry?.[1]} 00001 n`)))).toBeUndefined();
    // A file cut short, and bytes that are no PDF.
    expect(indexPdf(pdf.subarray(0, pdf.length - 30))).toBeUndefined();
    expect(indexPdf(bytes('%PDF-1.4\nstartxref\n999999\n%%EOF\n'))).toBeUndefined();
    expect(indexPdf(new Uint8Array(0))).toBeUndefined();
    await agrees(pdf); // and the untouched file is read
  });
});
