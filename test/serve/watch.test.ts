import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchFiles } from '../../src/serve/watch.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watchFiles', () => {
  it('reports a burst of saves once, then catches a write chokidar would drop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bideck-watch-'));
    const a = join(dir, 'a.yaml');
    const b = join(dir, 'b.yaml');
    writeFileSync(a, '1');
    writeFileSync(b, '1');
    const calls: string[][] = [];
    const seen: string[] = [];
    const watcher = await watchFiles([a], (files) => {
      calls.push(files);
      seen.push(readFileSync(a, 'utf8'));
    }, 30);
    try {
      writeFileSync(a, '22');
      await sleep(5);
      writeFileSync(a, '333'); // one burst: reported once
      await sleep(400);
      expect(calls).toEqual([[a]]);
      expect(seen).toEqual(['333']);

      // A second write just after the report, inside chokidar's 50 ms: its `change` is
      // dropped, and the check after the burst reports it all the same.
      calls.length = 0;
      seen.length = 0;
      writeFileSync(a, '4444');
      await sleep(38);
      writeFileSync(a, '55555');
      await sleep(400);
      expect(seen.at(-1)).toBe('55555');

      // Watch another set of files from now on.
      watcher.set([b]);
      await sleep(150); // chokidar starts watching an added path asynchronously
      calls.length = 0;
      writeFileSync(a, '666666');
      writeFileSync(b, '22');
      await sleep(400);
      expect(calls.flat()).toEqual([b]);
    } finally {
      await watcher.close();
    }
    calls.length = 0;
    writeFileSync(b, '333');
    await sleep(200);
    expect(calls).toEqual([]);
  });
});
