import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liveReporter } from '../../src/commands/progress.js';
import { ROOT, SEED_DECK } from '../helpers/seed.js';

const BIN = join(ROOT, 'test', 'helpers', 'bin.ts');
/** Carriage return and "erase line": how the live line is redrawn and cleared. */
const CLEAR = '\\r\\u001b\\[2K';
const STAGE_LINE = /^ {2}[a-z][a-z ]{0,9}\s+\d+ ms/;

function bideck(args: string[], tty: boolean): { code: number | null; stderr: string } {
  const command = [process.execPath, '--import', 'tsx', BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  // `script` gives the command a pseudo-terminal, as a user's shell does; its transcript is the output.
  const run = tty
    ? spawnSync('script', ['-qfec', `${command} 2>&1`, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BIDECK_PROGRESS_AFTER_MS: '0' } })
    : spawnSync(process.execPath, ['--import', 'tsx', BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BIDECK_PROGRESS_AFTER_MS: '0' } });
  return { code: run.status, stderr: tty ? run.stdout : run.stderr };
}

describe('progress on a terminal, stage lines elsewhere (issue 14)', () => {
  const out = () => join(mkdtempSync(join(tmpdir(), 'bideck-progress-')), 'dist');

  it('under a pseudo-terminal, a build redraws a live line for the stage running', () => {
    const run = bideck(['build', SEED_DECK, '--out', out(), '--modes', 'en'], true);
    expect(run.code).toBe(0);
    const redraws = run.stderr.match(new RegExp(`${CLEAR} {2}\\S pdf en +\\d+\\.\\d s`, 'g')) ?? [];
    expect(redraws.length).toBeGreaterThan(0);
    // Cleared before the stage's own line, which reads as without a terminal.
    expect(run.stderr).toMatch(new RegExp(`${CLEAR} {2}pdf en +\\d+ ms`));
  });

  it('without a terminal (CI, a pipe) prints only the stage lines', () => {
    const run = bideck(['build', SEED_DECK, '--out', out(), '--modes', 'en'], false);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).not.toContain('\x1b');
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe(`bideck build ${SEED_DECK}`);
    expect(lines.slice(1, -1).every((l) => STAGE_LINE.test(l) || l.startsWith('warning: '))).toBe(true);
    expect(lines.at(-1)).toMatch(/^done in \d+ ms$/);
  });

  it('--quiet prints neither stage lines nor progress, on a terminal too', () => {
    const run = bideck(['build', SEED_DECK, '--out', out(), '--modes', 'en', '--no-pdf', '--quiet'], true);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(STAGE_LINE);
    expect(run.stderr).not.toContain('\x1b');
  });
});

describe('live line with stages that overlap', () => {
  it('shows the stage begun last, and the one still running once that one ends', () => {
    const written: string[] = [];
    const lines: string[] = [];
    const stream = { write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const before = process.env['BIDECK_PROGRESS_AFTER_MS'];
    process.env['BIDECK_PROGRESS_AFTER_MS'] = '0';
    try {
      const reporter = liveReporter({ stage: (name) => lines.push(name), warn: () => undefined }, stream, 60_000);
      reporter.begin?.('pdf bi');
      reporter.begin?.('review');
      expect(written.at(-1)).toMatch(/review/);
      reporter.stage('review', 5);
      // The review page is written; the PDF still prints, and its line is back.
      expect(lines).toEqual(['review']);
      expect(written.at(-1)).toMatch(/pdf bi/);
      reporter.stage('pdf bi', 9);
      expect(lines).toEqual(['review', 'pdf bi']);
      expect(written.at(-1)).toBe('\r\x1b[2K');
    } finally {
      if (before === undefined) delete process.env['BIDECK_PROGRESS_AFTER_MS'];
      else process.env['BIDECK_PROGRESS_AFTER_MS'] = before;
    }
  });
});
