import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { deckId } from '../../src/scaffold/init.js';
import { runCli } from '../helpers/cli.js';
import { snapshot } from '../helpers/tree.js';

describe('bideck init (issue 14)', () => {
  it('writes a deck that passes check --strict and builds as written, and says what to do next', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bideck-init-')), 'Housing Briefing 2026');
    const run = await runCli('init', dir);
    expect(run.code).toBe(ExitCode.ok);
    expect(run.stdout).toBe(`${join(dir, 'deck.yaml')}\n${join(dir, 'glossary.yaml')}\n`);
    expect(run.stderr).toMatch(/Next:\n {2}bideck serve '.*deck\.yaml'/);
    const deck = readFileSync(join(dir, 'deck.yaml'), 'utf8');
    expect(deck).toMatch(/^# yaml-language-server: \$schema=.*\/data\/schema\/deck\.schema\.json\n/);
    expect(deck).toContain('  id: housing-briefing-2026 ');
    const check = await runCli('check', join(dir, 'deck.yaml'), '--strict', '--no-overflow');
    expect(check).toMatchObject({ code: ExitCode.ok, stdout: '' });
    const build = await runCli('build', join(dir, 'deck.yaml'), '--out', join(dir, 'dist'), '--no-pdf', '--strict');
    expect(build.code).toBe(ExitCode.ok);
  });

  it('never writes over a file: a folder with a deck is refused and left as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bideck-init-'));
    writeFileSync(join(dir, 'glossary.yaml'), 'terms: []\n');
    const before = snapshot(dir);
    const run = await runCli('init', dir);
    expect(run.code).toBe(ExitCode.usage);
    expect(run.stderr).toMatch(/error: .*glossary\.yaml already exists; bideck init writes only into a folder without a deck/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('makes an id from the folder name', () => {
    expect(deckId('Housing Briefing 2026')).toBe('housing-briefing-2026');
    expect(deckId('簡報')).toBe('my-deck');
    expect(deckId('review')).toBe('my-deck');
    expect(deckId('--A__b--')).toBe('a-b');
  });
});
