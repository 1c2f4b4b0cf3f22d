import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { invalidCases } from '../helpers/invalid.js';
import { ROOT, SEED_DECK } from '../helpers/seed.js';

/**
 * bin/bideck.js runs the CLI's bundle (lib/bundle/, scripts/compile.mjs), not the modules the
 * other tests import. It must do what they do: the same files, the same errors and exit codes.
 */
const bundled = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'bideck.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

const filesOf = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

describe('the CLI bundle (bin/bideck.js)', () => {
  it('writes the same HTML decks, review page and layout as the sources', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bideck-bundle-'));
    // The sources first: they decide the layout (in the browser) and cache it for both.
    const source = await runCli('build', SEED_DECK, '--no-pdf', '--quiet', '--out', join(root, 'source'));
    expect(source.code, source.stderr).toBe(0);
    const run = bundled('build', SEED_DECK, '--no-pdf', '--quiet', '--out', join(root, 'bundle'));
    expect(run.status, run.stderr).toBe(0);
    const built = filesOf(join(root, 'bundle'));
    expect(Object.keys(built)).toContain('review.html');
    expect(built).toEqual(filesOf(join(root, 'source')));
  }, 120_000);

  it('reports bad input as the sources do: the same first line and exit code for every invalid fixture', () => {
    const cases = invalidCases();
    expect(cases.length).toBeGreaterThan(40);
    for (const c of cases) {
      const out = mkdtempSync(join(tmpdir(), 'bideck-bundle-bad-'));
      const run = bundled('build', ...c.args, '--no-pdf', '--out', join(out, 'dist'));
      const first = /^error: (.*)$/m.exec(run.stderr)?.[1];
      expect({ name: c.name, exit: run.status, error: first }).toEqual({ name: c.name, exit: c.exit, error: c.error });
    }
  }, 300_000);

  it('prints the version in package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = bundled('--version');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });
});
