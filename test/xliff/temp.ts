import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SEED_DECK } from '../helpers/seed.js';

/** A private copy of a deck's folder (brand and glossary beside it), so imports may write. */
export function tempDeck(deck = SEED_DECK): string {
  const dir = mkdtempSync(join(tmpdir(), 'bideck-xliff-'));
  cpSync(dirname(deck), dir, { recursive: true });
  return join(dir, deck.split(/[\\/]/).at(-1) ?? 'deck.yaml');
}

/** Lines that differ between two texts of the same line count, as [line number, before, after]. */
export function changedLines(before: string, after: string): [number, string, string][] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) throw new Error(`line count changed: ${a.length} → ${b.length}`);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[i + 1, line, b[i] ?? ''] as [number, string, string]]));
}
