import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BideckError, formatLocation } from '../errors.js';
import type { Mode } from '../render/deck.js';
import { EventHub } from './events.js';
import type { LiveError } from './events.js';
import { handleRequest } from './http.js';
import { LiveDeck, errorText } from './live.js';
import type { RebuildResult } from './live.js';
import { noDeckPage } from './pages.js';
import { PdfMaker } from './pdf.js';
import { claimOutputFolder } from '../pipeline/output-folder.js';
import { watchFiles } from './watch.js';

export interface ServeOptions {
  deckPath: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Where on-demand PDFs (and their deck files) are written; nothing else is. */
  outDir?: string;
  templatesDir?: string;
  cacheDir?: string;
  /** Quiet time after a file event before rebuilding. */
  debounceMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Terminal output: one line per rebuild or error. */
  log?: (line: string) => void;
}

export interface ServeHandle {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  port: number;
  /** Resolves with the next rebuild's outcome (tests and the latency bench wait on it). */
  nextRebuild(): Promise<RebuildResult>;
  /** Stop watching, end every live connection, wait for PDF exports, close the server. */
  close(): Promise<void>;
}

/**
 * `bideck serve`: the deck in every mode from memory, rebuilt on save, pushed to open pages.
 * Listens on 127.0.0.1 only: the deck is a draft, and nothing on the network may read it.
 */
export async function serve(options: ServeOptions): Promise<ServeHandle> {
  const log = options.log ?? (() => undefined);
  const live = new LiveDeck({
    deckPath: options.deckPath,
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
  });
  const events = new EventHub();
  const outDir = options.outDir ?? 'dist';
  const protect = () => {
    const p = live.snapshot?.project;
    return [options.deckPath, options.templatesDir, p?.brandFile, p?.glossaryFile].filter((f): f is string => f !== undefined);
  };
  // A wrong --out (the deck's folder, the working folder, someone's files) is refused at once.
  await claimOutputFolder(outDir, { protect: protect() });
  const pdfs = new PdfMaker(live, outDir, options.env, undefined, protect);
  let waiting: ((r: RebuildResult) => void)[] = [];

  const report = (r: RebuildResult) => {
    if (r.ok) {
      log(`${r.generation === 1 ? 'built' : 'rebuilt'} in ${r.ms.toFixed(0)} ms (${r.stages.join(', ')})`);
      if (live.update) events.send({ type: 'reload', ...live.update });
    } else {
      log(`error: ${errorText(r.error)}`);
      events.send({ type: 'failed', error: liveError(r.error) });
    }
    for (const w of waiting) w(r);
    waiting = [];
  };

  report(await live.rebuild({ data: true, templates: true }));

  const server = createServer((req, res) =>
    handleRequest(
      {
        port: () => (server.address() as AddressInfo).port,
        events,
        hello: () => ({
          type: 'hello',
          generation: live.snapshot?.generation ?? 0,
          ...(live.update ? { update: live.update } : {}),
          ...(live.error ? { error: liveError(live.error) } : {}),
        }),
        page: (mode: Mode) => live.page(mode) ?? noDeckPage(errorText(live.error)),
        pdf: (mode: Mode) => pdfs.get(mode),
        pptx: (mode: Mode) => pdfs.pptx(mode),
        review: () => live.review(),
      },
      req,
      res,
    ),
  );
  await new Promise<void>((ready, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(e.code === 'EADDRINUSE' ? new BideckError('usage', `port ${options.port} is in use; pick another with --port, or 0 for any free port`) : e),
    );
    server.listen({ host: '127.0.0.1', port: options.port ?? 0, exclusive: true }, ready);
  });
  const port = (server.address() as AddressInfo).port;

  // Rebuilds run one at a time; changes that arrive meanwhile are merged into the next one.
  let queued: { data: boolean; templates: boolean } | undefined;
  let running: Promise<void> | undefined;
  const run = async () => {
    while (queued) {
      const changes = queued;
      queued = undefined;
      report(await live.rebuild(changes));
      watcher.set(live.watchedPaths());
    }
    running = undefined;
  };
  const watcher = await watchFiles(live.watchedPaths(), (files) => {
    const templates = files.some((f) => live.isTemplate(f));
    const data = files.some((f) => !live.isTemplate(f));
    queued = { data: data || !!queued?.data, templates: templates || !!queued?.templates };
    running ??= run();
  }, options.debounceMs);

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    nextRebuild: () => new Promise((resolve) => waiting.push(resolve)),
    close: () =>
      (closing ??= (async () => {
        await watcher.close();
        await running;
        // No new connections; live pages' streams end; a PDF in progress is finished and sent.
        const closed = new Promise<void>((done) => server.close(() => done()));
        events.close();
        await pdfs.close();
        server.closeIdleConnections();
        const late = setTimeout(() => server.closeAllConnections(), 2000);
        await closed;
        clearTimeout(late);
      })()),
  };
}

function liveError(error: unknown): LiveError {
  const where = error instanceof BideckError ? formatLocation(error.location) : '';
  return { where, text: errorText(error) };
}
