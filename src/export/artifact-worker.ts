import { Worker } from 'node:worker_threads';
import { remarkContent, wrapUnmarked } from './artifacts.js';
import type { StoredContent } from './artifacts.js';

/**
 * Content streams marked on two threads: the worker and the thread that started it take chunks
 * of them in turn from a counter they share, until none is left. The worker starts at once; the
 * other thread joins when it is free (export/artifacts.ts markContents).
 */
export interface SharedMarking {
  /** The next chunk for the calling thread to mark itself, or undefined when all are taken. */
  claim(): number | undefined;
  /** The chunks the worker marked, by chunk number; rejects if the worker failed. */
  done: Promise<Map<number, (Uint8Array | undefined)[]>>;
}

/**
 * A thread of its own for a share of the artifact marking (export/artifacts.ts): while Node parses
 * a printed PDF, and after the last `page.pdf()`, when the browser's core is idle. Started when
 * the PDF export starts, so its start-up (≈ 30 ms) is hidden behind printing; `close()` ends it.
 *
 * The thread runs {@link remarkContent} and {@link wrapUnmarked} from their own source, so it
 * needs no file of its own (the same code in the build and in the tests, which run TypeScript).
 */
export class ArtifactWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { chunks: Map<number, (Uint8Array | undefined)[]>; resolve(): void; reject(e: Error): void }>();
  private next = 0;
  private failed: Error | undefined;

  constructor() {
    const source = [
      "const { parentPort } = require('node:worker_threads');",
      "const zlib = require('node:zlib');",
      `const wrap = (${wrapUnmarked.toString()});`,
      `const remark = (${remarkContent.toString()});`,
      'parentPort.on("message", ({ id, contents, chunk, counter }) => {',
      '  const claims = new Int32Array(counter);',
      '  try {',
      '    for (let c = Atomics.add(claims, 0, 1); c * chunk < contents.length; c = Atomics.add(claims, 0, 1)) {',
      '      const out = contents.slice(c * chunk, (c + 1) * chunk).map((s) => remark(s, zlib, wrap) || null);',
      '      parentPort.postMessage({ id, chunk: c, out });',
      '    }',
      '    parentPort.postMessage({ id, done: true });',
      '  } catch (e) { parentPort.postMessage({ id, error: String((e && e.message) || e) }); }',
      '});',
    ].join('\n');
    this.worker = new Worker(source, { eval: true });
    // Never what keeps bideck running: a build that fails elsewhere exits without closing it.
    this.worker.unref();
    this.worker.on('message', (m: { id: number; chunk?: number; out?: (Uint8Array | null)[]; done?: boolean; error?: string }) => {
      const job = this.waiting.get(m.id);
      if (!job) return;
      if (m.chunk !== undefined && m.out) job.chunks.set(m.chunk, m.out.map((b) => b ?? undefined));
      if (m.done || m.error !== undefined) {
        this.waiting.delete(m.id);
        if (m.done) job.resolve();
        else job.reject(new Error(m.error));
      }
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', () => this.fail(new Error('the artifact worker stopped')));
  }

  /** Start marking `contents` ({@link remarkContent}), `chunk` streams at a time, shared with the caller. */
  share(contents: readonly StoredContent[], chunk: number): SharedMarking {
    const counter = new SharedArrayBuffer(4);
    const claims = new Int32Array(counter);
    const claim = () => {
      const c = Atomics.add(claims, 0, 1);
      return c * chunk < contents.length ? c : undefined;
    };
    if (this.failed) return { claim, done: Promise.reject(this.failed) };
    const id = this.next++;
    const chunks = new Map<number, (Uint8Array | undefined)[]>();
    const done = new Promise<Map<number, (Uint8Array | undefined)[]>>((resolve, reject) => {
      this.waiting.set(id, { chunks, resolve: () => resolve(chunks), reject });
    });
    // Copied out of the PDF's buffer: a view would send the whole document with each stream.
    this.worker.postMessage({ id, chunk, counter, contents: contents.map((c) => ({ bytes: c.bytes.slice(), flate: c.flate })) });
    return { claim, done };
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private fail(e: Error): void {
    this.failed ??= e;
    for (const job of this.waiting.values()) job.reject(e);
    this.waiting.clear();
  }
}
