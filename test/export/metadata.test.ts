import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { PDFDocument, PDFName } from 'pdf-lib';
import type { PDFRef , PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ArtifactWorker } from '../../src/export/artifact-worker.js';
import { wrapUnmarked } from '../../src/export/artifacts.js';
import { setPdfMetadata } from '../../src/export/metadata.js';
import type { PdfMetadata } from '../../src/export/metadata.js';
import { indexPdf } from '../../src/export/pdf-index.js';
import { docShape, objectsOf, tableDoc } from '../helpers/pdf-docs.js';

const meta: PdfMetadata = {
  title: '標題 Title',
  author: 'Bureau',
  subject: 'Subject',
  keywords: ['bideck'],
  language: 'zh-Hant-HK',
  creator: 'bideck test',
  date: new Date(Date.UTC(2024, 0, 2)),
  outline: [{ title: 'One', page: 0, children: [] }],
};

/** Each page's content, inflated. */
async function pageContents(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.getPages().map((p) => {
    const s = doc.context.lookup(p.node.get(PDFName.of('Contents')) as PDFRef) as PDFRawStream;
    return inflateSync(s.contents).toString('latin1');
  });
}

/**
 * The quick post-processing (the file's index: contents marked on the worker while the rest is
 * parsed, structure elements kept as bytes) writes what the whole parse writes.
 */
describe('setPdfMetadata', () => {
  it('writes the same objects through the index as through the whole parse, its pages marked', async () => {
    const worker = new ArtifactWorker();
    try {
      await fc.assert(
        fc.asyncProperty(docShape, async (shape) => {
          const table = await tableDoc(shape);
          expect(indexPdf(table)).toBeDefined();
          // The same objects with a cross-reference stream: no index, the whole parse.
          const streamed = await (await PDFDocument.load(table, { updateMetadata: false })).save({ useObjectStreams: true });
          expect(indexPdf(streamed)).toBeUndefined();
          const [quick, whole] = await Promise.all([setPdfMetadata(table, meta, worker), setPdfMetadata(streamed, meta, worker)]);
          const [a, b] = await Promise.all([objectsOf(quick), objectsOf(whole)]);
          // The objects they were given keep their numbers; those written after may not.
          const given = [...(await objectsOf(table)).keys()];
          expect(given.map((n) => a.get(n))).toEqual(given.map((n) => b.get(n)));
          const contents = await pageContents(quick);
          expect(contents).toEqual(await pageContents(whole));
          expect(contents.every((c) => c.includes('/Artifact BMC'))).toBe(true);
          expect(contents).toEqual((await pageContents(table)).map((c) => wrapUnmarked(c)));
        }),
        { numRuns: 25 },
      );
    } finally {
      await worker.close();
    }
  });
});
