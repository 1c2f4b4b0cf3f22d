import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRunning } from '../helpers/processes.js';
import { ROOT } from '../helpers/seed.js';
import { copySeed } from '../helpers/seed-copy.js';

/** Every process below `pid`, with its command line. */
function descendants(pid: number): { pid: number; cmd: string }[] {
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when there are none
  }
  const kids = out.split('\n').map((l) => Number(l.trim())).filter((n) => n > 0);
  return kids.flatMap((k) => {
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${k}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      /* gone already */
    }
    return [{ pid: k, cmd }, ...descendants(k)];
  });
}

describe('bideck serve stops on Ctrl-C', () => {
  it('ends live connections, waits for the PDF in progress, leaves no browser and exits 0', async () => {
    const seed = copySeed('bideck-serve-sigint-');
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'helpers', 'bin.ts'), 'serve', seed.deck, '--out', join(seed.dir, 'dist')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      void exited.then(() => reject(new Error(`serve exited early: ${stderr}`)));
    });

    // A live page's event stream, held open.
    const streamEnded = new Promise<boolean>((resolve) => {
      request(`${url}events`, (res) => {
        res.resume();
        res.on('end', () => resolve(true));
        res.on('error', () => resolve(true));
      }).end();
    });
    // A PDF export in progress: wait until serve's browser is rendering it.
    const pdf = fetch(`${url}pdf/bi.pdf`).then((r) => r.status, () => 0);
    for (let i = 0; i < 300 && !descendants(child.pid ?? 0).some((p) => p.cmd.includes('--type=renderer')); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const found = descendants(child.pid ?? 0).filter((p) => /chrom/i.test(p.cmd));
    const browsers = found.map((p) => p.pid);
    expect(browsers.length).toBeGreaterThan(0);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(await streamEnded).toBe(true);
    expect(await pdf).toBe(200); // finished, not cut off
    // Chromium's helpers end a moment after the browser process itself.
    for (let i = 0; i < 40 && browsers.some(isRunning); i++) await new Promise((r) => setTimeout(r, 50));
    expect(found.filter((p) => isRunning(p.pid)).map((p) => `${p.pid} ${p.cmd.slice(0, 80)}`)).toEqual([]);
    expect(stderr).toContain('stopping');
  });
});
