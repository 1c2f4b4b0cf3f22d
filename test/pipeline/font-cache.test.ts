import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { fontStats } from '../../src/fonts/index.js';
import { SEED_DECK } from '../helpers/seed.js';

describe('font subsets are cached on disk by content', () => {
  it('a second build with unchanged text does not subset fonts again', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'bideck-fontcache-'));
    const out = join(mkdtempSync(join(tmpdir(), 'bideck-fc-out-')), 'dist');
    const details: string[] = [];
    const reporter = { stage: (name: string, _ms: number, detail?: string) => name === 'fonts' && details.push(detail ?? ''), warn: () => undefined };

    const before = fontStats.chunksSubset;
    await build({ deckPath: SEED_DECK, outDir: out, pdf: false, cacheDir, reporter });
    const firstRun = fontStats.chunksSubset - before;
    expect(firstRun).toBeGreaterThan(10); // the seed needs chunks of both families, two weights
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.woff2'))).toHaveLength(4);

    await build({ deckPath: SEED_DECK, outDir: out, pdf: false, cacheDir, reporter });
    expect(fontStats.chunksSubset - before).toBe(firstRun); // nothing subset the second time
    expect(details[1]).toMatch(/cached$/);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.woff2'))).toHaveLength(4);
  });
});
