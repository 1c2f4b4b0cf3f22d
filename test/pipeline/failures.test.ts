import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { BideckError } from '../../src/errors.js';
import { MANIFEST } from '../../src/pipeline/output-folder.js';
import { runCli } from '../helpers/cli.js';
import { browserChildren, isRunning, killBrowserAtExport } from '../helpers/processes.js';
import { ROOT, SEED_DECK } from '../helpers/seed.js';

/** A dist/ with a previous build in it, and the way to tell it is untouched. */
function previousDist(): { out: string; intact: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'bideck-fail-'));
  const out = join(root, 'dist');
  mkdirSync(out);
  writeFileSync(join(out, 'itib-budget-2023-24.html'), 'previous deck');
  return {
    out,
    intact: () => {
      expect(readdirSync(out)).toEqual(['itib-budget-2023-24.html']);
      expect(readFileSync(join(out, 'itib-budget-2023-24.html'), 'utf8')).toBe('previous deck');
      expect(readdirSync(root)).toEqual(['dist']); // no staging folder left behind
    },
  };
}

async function failure(p: Promise<unknown>): Promise<BideckError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(BideckError);
  return e as BideckError;
}

describe('failures mid-build leave the previous dist/ as it was', () => {
  it('a browser killed during export: export error, dist intact, no Chromium left', async () => {
    const { out, intact } = previousDist();
    const { reporter, killed } = killBrowserAtExport();
    const e = await failure(build({ deckPath: SEED_DECK, outDir: out, reporter }));
    const pid = await killed;
    expect(e.kind).toBe('export');
    expect(e.exitCode).toBe(6);
    intact();
    expect(isRunning(pid)).toBe(false);
    expect(browserChildren()).toEqual([]);
  });

  it('an export that takes too long times out with a clear message', async () => {
    const { out, intact } = previousDist();
    const run = await runCli('build', SEED_DECK, '--out', out, '--modes', 'en', '--timeout', '0.001');
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/error: PDF export of the en deck timed out after \d+ s/);
    intact();
    expect(browserChildren()).toEqual([]);
  });

  it('no browser: says how to get one, and writes nothing (the HTML alone would downgrade the output)', async () => {
    const { out, intact } = previousDist();
    const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' };
    const e = await failure(build({ deckPath: SEED_DECK, outDir: out, env }));
    expect(e.exitCode).toBe(5);
    expect(e.message).toContain('sudo apt-get install chromium');
    expect(e.message).toContain('PUPPETEER_EXECUTABLE_PATH');
    intact();
  });

  it('an unwritable output folder (as a full disk would be) fails with exit 8', async () => {
    const { out, intact } = previousDist();
    if (process.getuid?.() === 0) {
      // root ignores permission bits (CI runs as root): an output path below a file fails the same way
      const run = await runCli('build', SEED_DECK, '--out', join(out, 'itib-budget-2023-24.html', 'dist'), '--no-pdf');
      expect(run.code).toBe(8);
      expect(run.stderr).toMatch(/error: cannot create the output folder .*: /);
    } else {
      const parent = join(out, '..');
      chmodSync(parent, 0o555);
      try {
        const run = await runCli('build', SEED_DECK, '--out', out, '--no-pdf');
        expect(run.code).toBe(8);
        expect(run.stderr).toMatch(/permission denied/);
      } finally {
        chmodSync(parent, 0o755);
      }
    }
    intact();
  });

  // Bounded work, not a time budget (issue 15): each of the five kinds of build twice, each
  // failure bounded by its own timeout; the test timeout only guards against a hang.
  it('10 builds in a row with failures mixed in: dist always whole, no browser left', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bideck-twenty-'));
    const deckDir = join(root, 'data');
    cpSync(join(ROOT, 'data'), deckDir, { recursive: true });
    const deck = join(deckDir, 'deck.yaml');
    const good = readFileSync(deck, 'utf8');
    const out = join(root, 'dist');
    let lastGood: string[] = [];
    for (let i = 0; i < 10; i++) {
      const kind = i % 5;
      writeFileSync(deck, kind === 1 ? good.replace('en: Earmark ~$200M', 'en: [') : good);
      if (kind === 0) {
        const { reporter } = killBrowserAtExport();
        const e = await failure(build({ deckPath: deck, outDir: out, modes: ['en'], reporter }));
        expect(e.kind).toBe('export');
      } else if (kind === 1) {
        expect((await failure(build({ deckPath: deck, outDir: out }))).exitCode).toBe(3);
      } else if (kind === 2) {
        expect((await failure(build({ deckPath: deck, outDir: out, modes: ['en'], pdfTimeoutMs: 1 }))).exitCode).toBe(6);
      } else {
        const result = await build({ deckPath: deck, outDir: out, modes: ['en'], pdf: kind === 4 });
        lastGood = result.files.map((f) => f.slice(out.length + 1)).sort();
      }
      if (lastGood.length) expect(readdirSync(out).filter((n) => n !== MANIFEST).sort()).toEqual(lastGood);
      expect(readdirSync(root).sort()).toEqual(['data', 'dist'].slice(0, lastGood.length ? 2 : 1));
      expect(browserChildren()).toEqual([]);
    }
    expect(lastGood).toEqual(['itib-budget-2023-24.en.html', 'itib-budget-2023-24.en.pdf', 'itib-budget-2023-24.layout.json', 'review.html']);
  }, 600_000);
});
