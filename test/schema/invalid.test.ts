import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { invalidCases } from '../helpers/invalid.js';
import { snapshot } from '../helpers/tree.js';

describe('bad data gets a located error and loses nothing', () => {
  for (const c of invalidCases()) {
    it(c.name, async () => {
      const out = mkdtempSync(join(tmpdir(), 'bideck-invalid-'));
      const dist = join(out, 'dist');
      mkdirSync(dist);
      writeFileSync(join(dist, 'previous.html'), 'previous build');
      const before = { data: snapshot(c.dir), out: snapshot(out) };
      const run = await runCli('build', ...c.args, '--out', dist, '--no-pdf');
      expect(run.stderr.split('\n').find((l) => l.startsWith('error: '))).toBe(`error: ${c.error}`);
      expect(run.code).toBe(c.exit);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace for a data mistake
      expect(readdirSync(dist)).toEqual(['previous.html']);
      expect(readFileSync(join(dist, 'previous.html'), 'utf8')).toBe('previous build');
      expect(readdirSync(out)).toEqual(['dist']); // no staging folder left behind
      expect({ data: snapshot(c.dir), out: snapshot(out) }).toEqual(before); // deck, data and output, byte for byte
    });
  }
});
