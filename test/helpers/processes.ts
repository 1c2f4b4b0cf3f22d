import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { silentReporter } from '../../src/pipeline/log.js';
import type { Reporter } from '../../src/pipeline/log.js';

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

/**
 * A build reporter that kills the build's browser (SIGKILL) as its first PDF stage begins, so
 * the kill lands during the export however fast the machine is. (A kill some milliseconds after
 * the browser started raced the build: once builds got faster, some finished first.)
 * `killed` resolves with the browser's pid.
 */
export function killBrowserAtExport(): { reporter: Reporter; killed: Promise<number> } {
  let resolve: (pid: number) => void = () => undefined;
  const killed = new Promise<number>((r) => (resolve = r));
  let done = false;
  const reporter: Reporter = {
    ...silentReporter,
    begin: (name) => {
      if (done || !name.startsWith('pdf ')) return;
      const [pid] = browserChildren();
      if (pid === undefined) return;
      done = true;
      process.kill(pid, 'SIGKILL');
      resolve(pid);
    },
  };
  return { reporter, killed };
}

/**
 * Resolves once a CLI build has printed its `review` stage line on stderr (off a terminal the
 * CLI prints each finished stage): the output is staged and the PDF export starts next. A
 * signal sent then lands during the export however fast the machine is, as long as the export
 * is not faster than the test noticing a line (the callers add a handout to make it longer).
 */
export function reviewWritten(stderr: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    stderr.on('data', (d: Buffer) => {
      seen += d.toString();
      if (/^\s+review\s/m.test(seen)) resolve();
    });
  });
}

/** Parent pid and start time (clock ticks since boot) of a live, non-zombie process; undefined if gone. */
function procStat(pid: number): { ppid: number; start: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return undefined; // dead, waiting to be reaped
    return { ppid: Number(fields[1]), start: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

/** Every process in the table whose parent is `pid`, read from /proc (no `ps`, no shell). */
export function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((p) => procStat(p)?.ppid === pid);
}

export function descendantsOf(pid: number): number[] {
  const kids = childrenOf(pid);
  return [...kids, ...kids.flatMap(descendantsOf)];
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** A process identity that survives pid reuse: the pid and its start time. */
export interface ProcessId {
  pid: number;
  start: string;
}

/**
 * Wait (polling, at most `limitMs`) until `parent` has started a browser that is rendering a
 * page, i.e. the export is under way; returns the browser and all its processes.
 */
export async function waitForExport(parent: number, limitMs: number): Promise<ProcessId[]> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    for (const browser of childrenOf(parent).filter((p) => /chrom/i.test(commandLine(p)))) {
      const tree = [browser, ...descendantsOf(browser)];
      if (tree.some((p) => commandLine(p).includes('--type=renderer'))) {
        return tree.flatMap((pid) => {
          const s = procStat(pid);
          return s ? [{ pid, start: s.start }] : [];
        });
      }
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return [];
}

/** Those of `processes` still running (same pid and start time, not a zombie). */
export function stillRunning(processes: readonly ProcessId[]): ProcessId[] {
  return processes.filter((p) => procStat(p.pid)?.start === p.start);
}

/** Poll until none of `processes` runs, for at most `limitMs`; returns those left. */
export async function waitUntilGone(processes: readonly ProcessId[], limitMs: number): Promise<ProcessId[]> {
  const deadline = Date.now() + limitMs;
  let left = stillRunning(processes);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    left = stillRunning(left);
  }
  return left;
}
