import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument, PDFName } from 'pdf-lib';
import type { PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ArtifactWorker } from '../../src/export/artifact-worker.js';
import { markArtifacts, remarkContent, wrapUnmarked } from '../../src/export/artifacts.js';

describe('wrapUnmarked', () => {
  it('wraps graphics objects outside tagged sequences, and closes before the next tag', () => {
    const skia = ['q', '0 0 10 10 re', 'f', '/P <</MCID 0 >>BDC', 'BT', '<0001> Tj', 'ET', 'EMC', '1 1 2 2 re', 'f', 'Q', ''].join('\n');
    expect(wrapUnmarked(skia)?.split('\n')).toEqual([
      'q', '/Artifact BMC', '0 0 10 10 re', 'f', 'EMC',
      '/P <</MCID 0 >>BDC', 'BT', '<0001> Tj', 'ET', 'EMC',
      '/Artifact BMC', '1 1 2 2 re', 'f', 'Q', 'EMC', '',
    ]);
  });

  it('leaves fully tagged streams and streams it cannot read safely alone', () => {
    expect(wrapUnmarked('/P <</MCID 0 >>BDC\nBT\n<0001> Tj\nET\nEMC\n')).toBeUndefined();
    expect(wrapUnmarked('BT\n(a literal EMC) Tj\nET\n')).toBeUndefined();
  });
});

/**
 * The artifact pass on two threads (export/artifact-worker.ts) writes the same PDF as on one;
 * a worker that has stopped leaves its share to the calling thread.
 */
describe('markArtifacts', () => {
  const page = (n: number) => ['q', `${n} 0 10 10 re`, 'f', '/P <</MCID 0 >>BDC', 'BT', `<000${n % 10}> Tj`, 'ET', 'EMC', 'Q', ''].join('\n');
  async function pdfOf(pages: number): Promise<PDFDocument> {
    const doc = await PDFDocument.create();
    for (let i = 0; i < pages; i++) {
      const p = doc.addPage([100, 100]);
      // Skia's streams are Flate-compressed; one page in five is stored plain, as another producer might.
      const raw = Buffer.from(page(i), 'latin1');
      const stream = i % 5 === 4 ? doc.context.stream(raw) : doc.context.flateStream(raw);
      p.node.set(PDFName.of('Contents'), doc.context.register(stream));
    }
    return doc;
  }
  const contents = (doc: PDFDocument) =>
    doc.getPages().map((p) => {
      const s = doc.context.lookup(p.node.get(PDFName.of('Contents'))) as PDFRawStream;
      return inflateSync(s.contents).toString('latin1');
    });

  it('marks the same streams the same way with a worker as without', async () => {
    const alone = await pdfOf(9);
    const shared = await pdfOf(9);
    const worker = new ArtifactWorker();
    try {
      expect(await markArtifacts(alone)).toBe(9);
      expect(await markArtifacts(shared, worker)).toBe(9);
      // The worker itself marks (not the fallback): its answer is this thread's, byte for byte.
      const stored = { bytes: deflateSync(Buffer.from(page(7), 'latin1')), flate: true };
      const [marked] = await worker.mark([stored]);
      expect(marked && Buffer.from(marked)).toEqual(remarkContent(stored, { inflateSync, deflateSync }, wrapUnmarked));
    } finally {
      await worker.close();
    }
    expect(contents(shared)).toEqual(contents(alone));
    expect(contents(alone)[3]).toBe(wrapUnmarked(page(3)));
  });

  it('does the worker’s share itself when the worker has stopped', async () => {
    const worker = new ArtifactWorker();
    await worker.close();
    const doc = await pdfOf(4);
    expect(await markArtifacts(doc, worker)).toBe(4);
    expect(contents(doc)).toEqual([0, 1, 2, 3].map((n) => wrapUnmarked(page(n))));
  });
});
