import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewWritten } from '../helpers/processes.js';
import { ROOT, SEED_DECK } from '../helpers/seed.js';

function children(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(entry));
    } catch {
      /* exited */
    }
  }
  return out;
}

function descendants(pid: number): number[] {
  const kids = children(pid);
  return [...kids, ...kids.flatMap(descendants)];
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

/** Ctrl-C during a build's PDF export: the browser goes with it, dist/ stays as it was. */
describe('Ctrl-C during a build', () => {
  it('closes Chromium and leaves the previous dist/ untouched', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bideck-sigint-'));
    const out = join(root, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'previous.html'), 'previous');
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'helpers', 'bin.ts'), 'build', SEED_DECK, '--handout', '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exporting = reviewWritten(child.stderr);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const pid = child.pid ?? 0;
    // The export has begun (the review page is staged) and the browser has a renderer.
    await exporting;
    let browser = 0;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      [browser = 0] = children(pid).filter((p) => /chrom/i.test(read(`/proc/${p}/comm`)));
      // Renderers are the zygote's children, not the browser's own.
      if (browser && descendants(browser).some((p) => read(`/proc/${p}/cmdline`).includes('--type=renderer'))) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(browser).toBeGreaterThan(0);
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(130);
    for (let i = 0; i < 50 && running(browser); i++) await new Promise((r) => setTimeout(r, 100));
    expect(running(browser)).toBe(false);
    expect(readdirSync(out)).toEqual(['previous.html']);
    expect(readFileSync(join(out, 'previous.html'), 'utf8')).toBe('previous');
  });
});
