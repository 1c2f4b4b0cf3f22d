import type { ServerResponse } from 'node:http';
import type { LiveUpdate } from './live.js';

/** Payloads the live client understands (serve/client.ts). */
export type LiveEvent =
  | { type: 'hello'; generation: number; update?: LiveUpdate; error?: LiveError }
  | ({ type: 'reload' } & LiveUpdate)
  | { type: 'failed'; error: LiveError };

/** A failed rebuild as the overlay shows it. */
export interface LiveError {
  /** `file:line:column`, or the file alone when the line is unknown. */
  where: string;
  /** The whole `bideck build` error text: `file:line:col path: message` and any details. */
  text: string;
}

/**
 * Server-Sent Events (HTML Living Standard §9.2): one long response per open page, no
 * dependency, reconnects on its own. `retry` keeps a restarted server's pages in step quickly.
 */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();

  get size(): number {
    return this.clients.size;
  }

  open(res: ServerResponse, first: LiveEvent): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    res.write('retry: 300\n\n');
    res.write(format(first));
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  send(event: LiveEvent): void {
    const data = format(event);
    for (const res of this.clients) res.write(data);
  }

  /** End every stream (server shutdown); clients will try to reconnect and find nobody. */
  close(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}

function format(event: LiveEvent): string {
  // JSON has no raw newlines, so one `data:` line carries it whole.
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
