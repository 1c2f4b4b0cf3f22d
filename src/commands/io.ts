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

export function parseModes(value: string): Mode[] {
  const modes = value.split(',').map((m) => m.trim());
  const bad = modes.filter((m) => !(MODES as readonly string[]).includes(m));
  if (bad.length) throw new BideckError('usage', `unknown mode ${bad.join(', ')}; expected bi, zh or en`);
  return modes as Mode[];
}

export function parseSeconds(value: string): number {
  const s = Number(value);
  if (!Number.isFinite(s) || s <= 0) throw new BideckError('usage', `expected a number of seconds, found "${value}"`);
  return Math.round(s * 1000);
}
