import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { loadProject } from '../../src/load/project.js';
import { runCli } from '../helpers/cli.js';
import { INVALID_DIR } from '../helpers/invalid.js';
import { SEED_DECK } from '../helpers/seed.js';

const CASES = ['duplicate-initiative-id', 'initiative-id-like-generated', 'slide-id-like-area-id', 'slide-id-like-generated', 'segment-id-collision'];

/** Issue 10.5: a duplicate id used to pass `check` and make an XLIFF file that could not be imported. */
describe('every id that names a segment is unique', () => {
  it('the seed deck has unique segment ids', async () => {
    const { model } = await loadProject(SEED_DECK);
    const ids = model.segments.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const name of CASES) {
    it(`${name}: check and xliff export refuse it (exit 3) and print both places`, async () => {
      const deck = join(INVALID_DIR, name, 'deck.yaml');
      for (const args of [['check', deck], ['xliff', 'export', deck, '-o', '-']]) {
        const run = await runCli(...args);
        expect(run.code).toBe(ExitCode.data);
        expect(run.stdout).toBe(''); // no XLIFF with duplicate unit ids
        const line = run.stderr.split('\n').find((l) => l.startsWith('error: ')) ?? '';
        expect(line.match(/deck\.yaml:\d+:\d+/g)).toHaveLength(2);
      }
    });
  }
});
