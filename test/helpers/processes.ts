import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Browser processes started by this test process (puppeteer spawns Chromium as our child). */
export function browserChildren(): number[] {
  let out: string;
  try {
    out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when there are none
  }
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([, comm]) => comm && /chrom|chrome|edge/i.test(comm))
    .map(([pid]) => Number(pid));
}

/** True while any process of this process group/tree with that pid exists. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Does the browser have a renderer process yet, i.e. is a page being loaded or printed? */
function rendererOf(browserPid: number): boolean {
  const descendants = (pid: number): number[] => {
    let out: string;
    try {
      out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
    } catch {
      return [];
    }
    const kids = out.split('\n').map((l) => Number(l.trim())).filter((n) => n > 0);
    return [...kids, ...kids.flatMap(descendants)];
  };
  return descendants(browserPid).some((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });
}

/**
 * Kill the first browser this process starts, `afterMs` after it has begun rendering a page
 * (so the kill lands during the export, not during start-up).
 */
export function killBrowserWhenItStarts(afterMs: number): { killed: Promise<number> } {
  const killed = new Promise<number>((resolve) => {
    const timer = setInterval(() => {
      const [pid] = browserChildren();
      if (pid === undefined || !rendererOf(pid)) return;
      clearInterval(timer);
      setTimeout(() => {
        process.kill(pid, 'SIGKILL');
        resolve(pid);
      }, afterMs);
    }, 20);
  });
  return { killed };
}
