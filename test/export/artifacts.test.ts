import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument, PDFName } from 'pdf-lib';
import type { PDFRawStream } from 'pdf-lib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArtifactWorker } from '../../src/export/artifact-worker.js';
import { markArtifacts, markContents, remarkContent, wrapUnmarked } from '../../src/export/artifacts.js';

/**
 * The marking as first written (round 6), line by line: {@link wrapUnmarked} now passes over most
 * lines without cutting them out, and must put the same marks in the same places.
 */
function reference(content: string): string | undefined {
  if (/[()]|\bBI\b/.test(content)) return undefined;
  const starts = new Set(['BT', 'm', 're', 'Do', 'sh', 'BI']);
  const lastOperator = (line: string) => line.trimEnd().split(/[\s\0]+|(?<=>>)/).at(-1) ?? '';
  const out: string[] = [];
  let depth = 0;
  let artifact = false;
  let wrapped = false;
  for (const line of content.split('\n')) {
    const op = lastOperator(line);
    if (op === 'BDC' || op === 'BMC') {
      if (depth === 0 && artifact) out.push('EMC');
      if (depth === 0) artifact = false;
      depth++;
    } else if (op === 'EMC') depth = Math.max(0, depth - 1);
    else if (depth === 0 && !artifact && starts.has(op)) {
      out.push('/Artifact BMC');
      artifact = wrapped = true;
    }
    out.push(line);
  }
  if (artifact) {
    if (out.at(-1) === '') out.splice(out.length - 1, 0, 'EMC');
    else out.push('EMC');
  }
  return wrapped ? out.join('\n') : undefined;
}

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

  it('closes an artifact left open at the end, before a last newline or after the last line', () => {
    expect(wrapUnmarked('0 0 1 1 re\nf\n')).toBe('/Artifact BMC\n0 0 1 1 re\nf\nEMC\n');
    expect(wrapUnmarked('0 0 1 1 re\nf')).toBe('/Artifact BMC\n0 0 1 1 re\nf\nEMC');
  });

  it('marks generated Skia-like streams as the line-by-line reference does', () => {
    const line = fc.oneof(
      fc.constantFrom('q', 'Q', 'BT', 'ET', 'f', 'W* n', 'EMC', '/Artifact BMC', '', '  ', 'BT  ', 'EMC\r', '1 1 1 rg', '/G3 gs', '/F4 30 Tf', '0 0 1280 720 re', '48 3624 m', '10 10 l', '/Im1 Do', '/Sh1 sh'),
      fc.integer({ min: 0, max: 99 }).map((n) => `/P <</MCID ${n} >>BDC`),
      fc.integer({ min: 0, max: 99 }).map((n) => `/Span <</MCID ${n}>>BDC`),
      fc.stringMatching(/^[0-9A-F]{4,8}$/).map((h) => `12.5 0 Td <${h}> Tj`),
      fc.stringMatching(/^[A-Za-z0-9 ./<>-]{0,12}$/),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.boolean(), (lines, newline) => {
        const content = lines.join('\n') + (newline ? '\n' : '');
        expect(wrapUnmarked(content)).toBe(reference(content));
      }),
      { numRuns: 2000 },
    );
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
    // More streams than a chunk (32): both threads take some.
    const alone = await pdfOf(90);
    const shared = await pdfOf(90);
    const worker = new ArtifactWorker();
    try {
      expect(await markArtifacts(alone)).toBe(90);
      expect(await markArtifacts(shared, worker)).toBe(90);
      // The worker itself marks (not the fallback): its answers are this thread's, byte for byte.
      const stored = [3, 7, 8].map((n) => ({ bytes: deflateSync(Buffer.from(page(n), 'latin1')), flate: true }));
      const job = worker.share(stored, 1);
      const theirs = await job.done;
      expect(job.claim()).toBeUndefined(); // it took every chunk
      expect([0, 1, 2].map((c) => theirs.get(c)?.[0]).map((b) => b && Buffer.from(b))).toEqual(stored.map((c) => remarkContent(c, { inflateSync, deflateSync }, wrapUnmarked)));
    } finally {
      await worker.close();
    }
    expect(contents(shared)).toEqual(contents(alone));
    expect(contents(alone)[3]).toBe(wrapUnmarked(page(3)));
  });

  it('starts on the worker and joins it on this thread once free', async () => {
    const stored = Array.from({ length: 200 }, (_, n) => ({ bytes: deflateSync(Buffer.from(page(n), 'latin1')), flate: true }));
    const expected = stored.map((c) => remarkContent(c, { inflateSync, deflateSync }, wrapUnmarked));
    const worker = new ArtifactWorker();
    try {
      let release: () => void = () => undefined;
      const free = new Promise<void>((resolve) => (release = resolve));
      const marking = markContents(stored, worker, free);
      release();
      expect((await marking).map((b) => b && Buffer.from(b))).toEqual(expected);
    } finally {
      await worker.close();
    }
  });

  it('does the worker’s share itself when the worker has stopped', async () => {
    const worker = new ArtifactWorker();
    await worker.close();
    const doc = await pdfOf(70);
    expect(await markArtifacts(doc, worker)).toBe(70);
    expect(contents(doc)).toEqual(Array.from({ length: 70 }, (_, n) => wrapUnmarked(page(n))));
  });
});
