import { Worker } from 'node:worker_threads';
import { remarkContent, wrapUnmarked } from './artifacts.js';
import type { StoredContent } from './artifacts.js';

/**
 * A thread of its own for a share of the artifact marking (export/artifacts.ts): after the last
 * `page.pdf()` Node's post-processing is the build's only work, and the browser's core is idle.
 * Started when the PDF export starts, so its start-up (≈ 30 ms) is hidden behind printing;
 * `close()` ends it.
 *
 * The thread runs {@link remarkContent} and {@link wrapUnmarked} from their own source, so it
 * needs no file of its own (the same code in the build and in the tests, which run TypeScript).
 */
export class ArtifactWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve(out: (Uint8Array | undefined)[]): void; reject(e: Error): void }>();
  private next = 0;
  private failed: Error | undefined;

  constructor() {
    const source = [
      "const { parentPort } = require('node:worker_threads');",
      "const zlib = require('node:zlib');",
      `const wrap = (${wrapUnmarked.toString()});`,
      `const remark = (${remarkContent.toString()});`,
      'parentPort.on("message", ({ id, contents }) => {',
      '  try { parentPort.postMessage({ id, out: contents.map((c) => remark(c, zlib, wrap) || null) }); }',
      '  catch (e) { parentPort.postMessage({ id, error: String((e && e.message) || e) }); }',
      '});',
    ].join('\n');
    this.worker = new Worker(source, { eval: true });
    // Never what keeps bideck running: a build that fails elsewhere exits without closing it.
    this.worker.unref();
    this.worker.on('message', (m: { id: number; out?: (Uint8Array | null)[]; error?: string }) => {
      const job = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.error !== undefined || !m.out) job?.reject(new Error(m.error ?? 'no result'));
      else job?.resolve(m.out.map((b) => b ?? undefined));
    });
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', () => this.fail(new Error('the artifact worker stopped')));
  }

  /** Each content stream marked ({@link remarkContent}), in order. */
  mark(contents: readonly StoredContent[]): Promise<(Uint8Array | undefined)[]> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Copied out of the PDF's buffer: a view would send the whole document with each stream.
      this.worker.postMessage({ id, contents: contents.map((c) => ({ bytes: c.bytes.slice(), flate: c.flate })) });
    });
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
