import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { BideckError } from '../../src/errors.js';
import { loadProject } from '../../src/load/project.js';
import { SEED_DECK } from '../helpers/seed.js';

const dir = mkdtempSync(join(tmpdir(), 'bideck-fuzz-'));
const seed = readFileSync(SEED_DECK);

/** Whatever the bytes, loading either succeeds or throws a BideckError — never anything else. */
async function loadsOrExplains(bytes: Uint8Array): Promise<boolean> {
  const file = join(dir, 'deck.yaml');
  writeFileSync(file, bytes);
  try {
    await loadProject(file);
    return true;
  } catch (e) {
    if (e instanceof BideckError) return true;
    throw e;
  }
}

describe('the loader, given arbitrary bytes', () => {
  it('only ever throws its own error type (random bytes and text)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }).map((s) => new TextEncoder().encode(s))), loadsOrExplains),
      { numRuns: 300 },
    );
  });

  it('only ever throws its own error type (the seed deck with bytes changed)', async () => {
    const mutation = fc.array(fc.tuple(fc.nat({ max: seed.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(mutation, (changes) => {
        const bytes = Uint8Array.from(seed);
        for (const [at, value] of changes) bytes[at] = value;
        return loadsOrExplains(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('only ever throws its own error type (the seed deck cut short anywhere)', async () => {
    await fc.assert(fc.asyncProperty(fc.nat({ max: seed.length }), (n) => loadsOrExplains(seed.subarray(0, n))), { numRuns: 150 });
  });
});
