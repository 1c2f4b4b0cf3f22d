import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bench's deck generator is plain JavaScript without types
import { writeSyntheticDeck } from '../../bench/synth.mjs';
import { runCli } from '../helpers/cli.js';
import { invalidCases } from '../helpers/invalid.js';
import { copySeed } from '../helpers/seed-copy.js';
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

  it('runs every other command as the sources do: check, schema, xliff export and import, approve', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bideck-bundle-cmds-'));
    // Import and approve edit a deck: each side edits its own copy of the seed.
    const copies = { source: copySeed(), bundle: copySeed() };
    type Side = keyof typeof copies;
    /** What a command prints, with the paths of its side's own files made alike. */
    const alike = (text: string, side: Side) => [join(root, `schema-${side}`), join(root, `${side}.xlf`), copies[side].dir].reduce((t, p) => t.replaceAll(p, '<side>'), text);
    const both = async (args: (side: Side) => string[]) => {
      const source = await runCli(...args('source'));
      const run = bundled(...args('bundle'));
      expect({ exit: run.status, stdout: alike(run.stdout, 'bundle') }).toEqual({ exit: source.code, stdout: alike(source.stdout, 'source') });
    };
    await both(() => ['check', SEED_DECK, '--json', '--no-overflow']);
    await both((side) => ['schema', '--out', join(root, `schema-${side}`)]);
    expect(filesOf(join(root, 'schema-bundle'))).toEqual(filesOf(join(root, 'schema-source')));
    await both((side) => ['xliff', 'export', SEED_DECK, '--out', join(root, `${side}.xlf`)]);
    expect(readFileSync(join(root, 'bundle.xlf'), 'utf8')).toBe(readFileSync(join(root, 'source.xlf'), 'utf8'));
    await both((side) => ['xliff', 'import', join(root, 'source.xlf'), copies[side].deck]);
    await both((side) => ['approve', '--deck', copies[side].deck]);
    expect(readFileSync(copies.bundle.deck, 'utf8')).toBe(readFileSync(copies.source.deck, 'utf8'));
  }, 120_000);

  it('serves the deck on loopback and stops on Ctrl-C (exit 0, as serve does)', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'bideck.js'), 'serve', SEED_DECK, '--out', mkdtempSync(join(tmpdir(), 'bideck-bundle-serve-'))], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const look = (d: Buffer) => {
        out += d.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) resolve(m[0]);
      };
      child.stdout.on('data', look);
      child.stderr.on('data', look);
      void exited.then(() => reject(new Error(`serve exited: ${out}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<section');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 120_000);

  it('prints a PDF whose page contents its artifact worker marks (the worker runs its functions from their bundled source)', () => {
    // 40 slides: two chunks of content streams, so the worker takes a share (export/artifacts.ts).
    const deck = writeSyntheticDeck(SEED_DECK, 40, mkdtempSync(join(tmpdir(), 'bideck-bundle-pdf-')));
    const out = mkdtempSync(join(tmpdir(), 'bideck-bundle-pdf-out-'));
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'bideck.js'), 'build', deck, '--modes', 'bi', '--quiet', '--out', join(out, 'dist')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DEBUG: 'bideck:pdf' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/artifacts: 40 content streams in 2 chunks/);
    expect(run.stderr).not.toMatch(/artifact worker failed/);
  }, 120_000);

  it('prints the version in package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = bundled('--version');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });
});
