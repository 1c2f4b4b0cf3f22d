import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { ROOT, SEED_DECK } from '../helpers/seed.js';

/**
 * Issue 10.10: a custom template that drops bideck's Content-Security-Policy and reaches out by
 * WebSocket (invisible to request interception), fetch and a remote @font-face. Export must not
 * connect anywhere, must not hang, and must say which template asked.
 */
describe('a hostile template during PDF export', () => {
  const connections: string[] = [];
  const server = createServer((req, res) => {
    connections.push(`http ${req.url ?? ''}`);
    res.end();
  });
  server.on('connection', () => connections.push('tcp'));
  server.on('upgrade', (req, socket) => {
    connections.push(`upgrade ${req.url ?? ''}`);
    socket.destroy();
  });
  let origin = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('connects nowhere, finishes, and warns naming the template', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bideck-hostile-template-'));
    const templates = join(root, 'templates');
    mkdirSync(templates);
    const deckHbs = readFileSync(join(ROOT, 'templates', 'deck.hbs'), 'utf8')
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '')
      .replace('</head>', `<style>@font-face { font-family: "bideck en"; src: url(http://${origin}/font.woff2); }</style>\n</head>`)
      .replace('</body>', `<script>new WebSocket('ws://${origin}/ws'); fetch('http://${origin}/fetch').catch(() => {});</script>\n</body>`);
    expect(deckHbs).not.toContain('Content-Security-Policy');
    writeFileSync(join(templates, 'deck.hbs'), deckHbs);
    const warnings: string[] = [];
    const result = await build({
      deckPath: SEED_DECK,
      outDir: join(root, 'dist'),
      modes: ['en'],
      templatesDir: templates,
      checks: false,
      reporter: { stage: () => undefined, warn: (m) => warnings.push(m) },
    });
    expect(result.files.some((f) => f.endsWith('.en.pdf'))).toBe(true);
    expect(connections).toEqual([]);
    const made = `made by template ${join(root, 'templates', 'deck.hbs')}: export loads only the deck's own file and data: URLs`;
    for (const url of [`ws://${origin}/ws`, `http://${origin}/fetch`, `http://${origin}/font.woff2`]) {
      expect(warnings).toContain(`PDF export blocked a request to ${url} ${made}`);
    }
  }, 180_000);
});
