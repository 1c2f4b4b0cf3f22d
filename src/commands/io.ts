import type { Reporter } from '../pipeline/log.js';
import { BideckError } from '../errors.js';
import { MODES } from '../render/deck.js';
import type { Mode } from '../render/deck.js';

export const DEFAULT_DECK = 'data/deck.yaml';

/** stderr for progress and problems, stdout for results: `bideck build > files.txt` works. */
export function consoleReporter(): Reporter {
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
