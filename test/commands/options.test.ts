import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMEOUT_SECONDS, parseModes, parseSeconds } from '../../src/commands/io.js';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { SEED_DECK } from '../helpers/seed.js';

const outDir = () => join(mkdtempSync(join(tmpdir(), 'bideck-options-')), 'dist');
const errorLine = (stderr: string) => stderr.split('\n').find((l) => l.startsWith('error: '));

/** Issue 10.13 and 10.15: options and environment that used to be taken at face value. */
describe('command-line values are checked before any work', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('--timeout above what a timer can hold is a usage error (it used to time out at once)', async () => {
    expect(MAX_TIMEOUT_SECONDS).toBe(2_147_483);
    expect(parseSeconds('2147483')).toBe(2_147_483_000);
    const out = outDir();
    const run = await runCli('build', SEED_DECK, '--out', out, '--timeout', '2147484');
    expect(run.code).toBe(ExitCode.usage);
    expect(errorLine(run.stderr)).toBe('error: --timeout: expected a number of seconds from 0.001 to 2147483, found "2147484"');
    for (const bad of ['0', '0.0001', '-1', 'abc', '', 'Infinity']) expect(() => parseSeconds(bad)).toThrow(/--timeout: expected/);
  });

  it('SOURCE_DATE_EPOCH=abc is a usage error (it used to write D:0NaNNaN… into the PDF)', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', 'abc');
    const out = outDir();
    const run = await runCli('build', SEED_DECK, '--out', out);
    expect(run.code).toBe(ExitCode.usage);
    expect(errorLine(run.stderr)).toBe(
      'error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 (at most 253402300799), found "abc"',
    );
    expect(() => readdirSync(out)).toThrow(/ENOENT/);
  });

  it('--modes zh,zh builds zh once', async () => {
    expect(parseModes('zh, zh,en,zh')).toEqual(['zh', 'en']);
    const run = await runCli('build', SEED_DECK, '--out', outDir(), '--no-pdf', '--modes', 'zh,zh');
    expect(run.code).toBe(ExitCode.ok);
    const files = run.stdout.trim().split('\n');
    expect(files.filter((f) => f.endsWith('.zh.html'))).toHaveLength(1);
    expect(new Set(files).size).toBe(files.length);
  });
});
