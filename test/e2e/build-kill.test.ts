import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reviewWritten, waitForExport, waitUntilGone } from '../helpers/processes.js';
import { ROOT, SEED_DECK } from '../helpers/seed.js';

/** The newest modification time under a folder. */
function newest(dir: string): number {
  return Math.max(...readdirSync(dir, { withFileTypes: true, recursive: true }).map((d) => statSync(join(d.parentPath, d.name)).mtimeMs));
}

/** bin/bideck.js runs lib/bundle/: compile it when it is missing or older than src/ (`npm test` compiles first). */
function ensureLib(): void {
  const lib = join(ROOT, 'lib', 'bundle', 'cli.js');
  if (!existsSync(lib) || newest(join(ROOT, 'src')) > newest(join(ROOT, 'lib'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'compile.mjs')], { stdio: 'inherit' });
  }
}

/** The CLI building the seed with its handout (a longer export), and when it starts exporting. */
function startBuild(out: string) {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'bideck.js'), 'build', SEED_DECK, '--handout', '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exporting = reviewWritten(child.stderr);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, exporting, stderr: () => stderr };
}

function previousOutput(): { root: string; out: string } {
  const root = mkdtempSync(join(tmpdir(), 'bideck-kill-'));
  const out = join(root, 'dist');
  mkdirSync(out);
  writeFileSync(join(out, 'previous.html'), 'previous');
  return { root, out };
}

/**
 * Issue 10.8 and 10.9: the real CLI, killed during PDF export. SIGKILL cannot be handled, so
 * Chromium must die on its own (its DevTools pipe closes with bideck); SIGTERM and SIGHUP are
 * handled like Ctrl-C: browser closed, nothing swapped in, exit 128 + n.
 */
describe('bideck build stopped during export', () => {
  beforeAll(ensureLib, 180_000);

  it('SIGKILL: no Chromium process is left within 2 s', async () => {
    const { out } = previousOutput();
    const run = startBuild(out);
    await run.exporting;
    const browser = await waitForExport(run.child.pid ?? 0, 60_000);
    expect(browser.length).toBeGreaterThan(0);
    run.child.kill('SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    expect(await waitUntilGone(browser, 2_000)).toEqual([]);
    expect(readdirSync(out)).toEqual(['previous.html']);
  }, 90_000);

  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`${signal}: cleans up like Ctrl-C and exits ${code}`, async () => {
      const { root, out } = previousOutput();
      const run = startBuild(out);
      await run.exporting;
      const browser = await waitForExport(run.child.pid ?? 0, 60_000);
      expect(browser.length).toBeGreaterThan(0);
      run.child.kill(signal);
      expect(await run.exited).toEqual({ code, signal: null });
      expect(run.stderr()).toContain(`error: interrupted by ${signal}; nothing was written\n`);
      expect(run.stderr()).not.toMatch(/Target closed|Protocol error/);
      expect(await waitUntilGone(browser, 2_000)).toEqual([]);
      expect(readdirSync(out)).toEqual(['previous.html']);
      expect(readFileSync(join(out, 'previous.html'), 'utf8')).toBe('previous');
      expect(readdirSync(root)).toEqual(['dist']); // no staging folder left behind
    }, 90_000);
  }
});
