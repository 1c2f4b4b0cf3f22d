import { constants } from 'node:os';
import type { Reporter } from '../pipeline/log.js';
import { liveReporter } from './progress.js';
import { BideckError } from '../errors.js';
import { MODES } from '../render/deck.js';
import type { Mode } from '../render/deck.js';

export const DEFAULT_DECK = 'data/deck.yaml';

/**
 * stderr for progress and problems, stdout for results: `bideck build > files.txt` works. On a
 * terminal a live line shows the stage running (progress.ts); `quiet` prints problems only.
 */
export function consoleReporter(options: { quiet?: boolean } = {}): Reporter {
  if (options.quiet) return { stage: () => undefined, warn: (message) => process.stderr.write(`warning: ${message}\n`) };
  const plain = plainReporter();
  return process.stderr.isTTY ? liveReporter(plain, process.stderr) : plain;
}

function plainReporter(): Reporter {
  return {
    stage: (name, ms, detail) =>
      process.stderr.write(`  ${name.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms${detail ? `  ${detail}` : ''}\n`),
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
  };
}

/** Modes in the order given; a repeated mode is built once (`zh,zh` used to build zh twice). */
export function parseModes(value: string): Mode[] {
  const modes = [...new Set(value.split(',').map((m) => m.trim()))];
  const bad = modes.filter((m) => !(MODES as readonly string[]).includes(m));
  if (bad.length) throw new BideckError('usage', `unknown mode ${bad.map((m) => JSON.stringify(m)).join(', ')}; expected bi, zh or en`);
  return modes as Mode[];
}

/** Node's timers hold at most 2^31 − 1 ms; a longer delay fires at once (issue 10.13). */
export const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

export function parseSeconds(value: string, option = '--timeout'): number {
  const s = Number(value);
  const ms = Math.round(s * 1000);
  if (value.trim() === '' || !Number.isFinite(s) || ms < 1 || s > MAX_TIMEOUT_SECONDS) {
    throw new BideckError('usage', `${option}: expected a number of seconds from 0.001 to ${MAX_TIMEOUT_SECONDS}, found ${JSON.stringify(value)}`);
  }
  return ms;
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Run `job` with an AbortSignal that Ctrl-C, SIGTERM (`kill`, systemd, CI cancel) and SIGHUP (a
 * closed terminal) all abort the same way: the job cleans up and the command exits 128 + n.
 * SIGTERM used to close the browser under a running export (exit 6, "Target closed"; issue 10.9).
 * A second signal is not caught: it ends the process at once, as the user asked twice.
 */
export async function untilSignal<T>(job: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = (name: NodeJS.Signals) => {
    release();
    process.stderr.write(`\n${name}: stopping, the output folder is left as it was\n`);
    controller.abort(new BideckError('interrupted', `interrupted by ${name}; nothing was written`, { exitCode: 128 + constants.signals[name] }));
  };
  const release = () => {
    for (const s of STOP_SIGNALS) process.off(s, stop);
  };
  for (const s of STOP_SIGNALS) process.on(s, stop);
  try {
    return await job(controller.signal);
  } finally {
    release();
  }
}
