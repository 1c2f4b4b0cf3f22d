import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { build } from '../../src/pipeline/build.js';
import { deckArbitrary } from '../helpers/gen-deck.js';
import { layoutFailures } from '../helpers/layout.js';

/**
 * Issue 9's acceptance: decks of random density (test/helpers/gen-deck.ts), each built in the
 * real Chromium, hold for every slide of every mode: every text in the PDF's text, inside the
 * content area, overlapping nothing, at or above the floors. Seeded with a fixed number of
 * runs, so CI time is bounded (about 10 s a deck on a loaded 2-core machine).
 */
describe('layout holds for any deck (property)', () => {
  it('every text whole, inside, not overlapping, at the floors, in every mode', { timeout: 240_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'bideck-property-'));
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(deckArbitrary, async (deck) => {
          const dir = join(root, String(++n));
          const deckPath = join(root, `deck-${n}.yaml`);
          writeFileSync(deckPath, stringify(deck, { lineWidth: 0 }));
          const result = await build({ deckPath, outDir: dir, checks: false });
          expect(layoutFailures(result, dir)).toEqual([]);
        }),
        { seed: 20260309, numRuns: 6, endOnFailure: true },
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
