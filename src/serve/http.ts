import type { IncomingMessage, ServerResponse } from 'node:http';
import createDebug from 'debug';
import type { Mode } from '../render/deck.js';
import type { EventHub, LiveEvent } from './events.js';

const debug = createDebug('bideck:serve');

/** What the routes need from the rest of `serve`. */
export interface Site {
  port(): number;
  events: EventHub;
  hello(): LiveEvent;
  /** The live page of a mode, or a page saying why there is none yet. */
  page(mode: Mode): string;
  pdf(mode: Mode): Promise<Uint8Array>;
  /** The mode's editable PowerPoint, made on demand like its PDF. */
  pptx(mode: Mode): Promise<Uint8Array>;
  /** The translator's review page (render/review.ts) of the last good build, if any. */
  review(): Promise<string> | undefined;
}

const PAGES: Readonly<Record<string, Mode>> = { '/': 'bi', '/zh': 'zh', '/en': 'en' };
const PDFS: Readonly<Record<string, Mode>> = { '/pdf/bi.pdf': 'bi', '/pdf/zh.pdf': 'zh', '/pdf/en.pdf': 'en' };
const PPTXS: Readonly<Record<string, Mode>> = { '/pptx/bi.pptx': 'bi', '/pptx/zh.pptx': 'zh', '/pptx/en.pptx': 'en' };
const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** Every response: no sniffing, no caching, no referrer, nobody else may frame or embed it. */
const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/**
 * Only the routes above exist; nothing is served from disk. A request target that tries to
 * climb out (`/../`, `%2e%2e`, backslashes, `//host`, absolute-form URLs) is refused before
 * routing, and so is any Host but this server's own (DNS rebinding: a web page elsewhere that
 * resolves its name to 127.0.0.1 must not read the deck) and any request another site's page
 * makes (it could not read the answer, but could start PDF exports).
 */
export function handleRequest(site: Site, req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '';
  const refuse = (status: number, why: string) => {
    debug('%d %s %s: %s', status, req.method, url, why);
    send(res, status, 'text/plain; charset=utf-8', `${why}\n`);
  };
  const port = site.port();
  if (!new Set([`127.0.0.1:${port}`, `localhost:${port}`]).has(req.headers.host ?? '')) return refuse(403, 'wrong Host');
  // A page from another site (or another local port) may not make this server work for it:
  // browsers say where a request comes from (Fetch Metadata); typed URLs and the deck are fine.
  const from = req.headers['sec-fetch-site'];
  if (from !== undefined && from !== 'same-origin' && from !== 'none') return refuse(403, 'cross-site request');
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405, 'only GET and HEAD');
  if (!isSafeTarget(url)) return refuse(403, 'refused path');
  const path = url.split(/[?#]/)[0] ?? '/';

  const mode = PAGES[path];
  if (mode) {
    try {
      return send(res, 200, 'text/html; charset=utf-8', site.page(mode), req.method === 'HEAD', {
        // Framing only by the deck itself: the speaker view previews it in iframes.
        'Content-Security-Policy': "frame-ancestors 'self'",
      });
    } catch (e) {
      return send(res, 500, 'text/plain; charset=utf-8', `${(e as Error).message}\n`);
    }
  }
  if (path === '/events') return site.events.open(res, site.hello());
  const pdfMode = PDFS[path];
  if (pdfMode) {
    site.pdf(pdfMode).then(
      (pdf) => send(res, 200, 'application/pdf', pdf, req.method === 'HEAD', { 'Content-Disposition': `inline; filename="${pdfMode}.pdf"` }),
      (e: unknown) => send(res, 500, 'text/plain; charset=utf-8', `PDF export failed: ${(e as Error).message}\n`),
    );
    return;
  }
  const pptxMode = PPTXS[path];
  if (pptxMode) {
    site.pptx(pptxMode).then(
      (pptx) => send(res, 200, PPTX_TYPE, pptx, req.method === 'HEAD', { 'Content-Disposition': `attachment; filename="${pptxMode}.pptx"` }),
      (e: unknown) => send(res, 500, 'text/plain; charset=utf-8', `PowerPoint export failed: ${(e as Error).message}\n`),
    );
    return;
  }
  if (path === '/review') {
    const page = site.review();
    if (!page) return refuse(404, 'no good build yet');
    page.then(
      // The page's own meta CSP (hashes of its style and scripts) governs it; the default
      // header's default-src 'none' would block them, and the page would never fit its frames.
      (html) => send(res, 200, 'text/html; charset=utf-8', html, req.method === 'HEAD', { 'Content-Security-Policy': "frame-ancestors 'none'" }),
      (e: unknown) => send(res, 500, 'text/plain; charset=utf-8', `${(e as Error).message}\n`),
    );
    return;
  }
  if (path === '/favicon.ico') return send(res, 204, 'text/plain', '');
  return refuse(404, 'not found');
}

/**
 * Plain `/a/b` paths only, checked on the raw target before any decoding: every route is
 * plain ASCII, so a percent-escape, backslash, `.`/`..` segment or `//` can only be an attempt
 * to reach something else. The query is never used to find anything.
 */
export function isSafeTarget(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return /^\/[A-Za-z0-9_./-]*$/.test(path) && !path.startsWith('//') && !/(^|\/)\.\.?(\/|$)/.test(path);
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  headOnly = false,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return void res.end();
  const data = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    ...headers,
    'Content-Type': type,
    'Content-Length': String(data.length),
  });
  res.end(headOnly ? undefined : data);
}
