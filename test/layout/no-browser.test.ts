import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CACHE_DIR, build } from '../../src/pipeline/build.js';
import { SEED_DECK } from '../helpers/seed.js';

const NO_BROWSER = { ...process.env, PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' };

/** What an HTML-only build does without a browser (README, "Layout: measure once, decide once"). */
describe('layout without a browser', { timeout: 120_000 }, () => {
  it('warns and leaves the fit to view time when nothing is cached; reuses a decision made with a browser', async () => {
    // A fresh layout cache, with the fonts already subset (a copy of the shared font cache).
    const cacheDir = mkdtempSync(join(tmpdir(), 'bideck-layout-cache-'));
    for (const f of readdirSync(DEFAULT_CACHE_DIR)) if (/\.(json|woff2)$/.test(f)) cpSync(join(DEFAULT_CACHE_DIR, f), join(cacheDir, f));
    const out = () => join(mkdtempSync(join(tmpdir(), 'bideck-nobrowser-')), 'dist');

    const warnings: string[] = [];
    const reporter = { stage: () => undefined, warn: (m: string) => warnings.push(m) };
    const bare = await build({ deckPath: SEED_DECK, outDir: out(), pdf: false, cacheDir, env: NO_BROWSER, reporter });
    expect(bare.layout).toBeUndefined();
    expect(warnings.join('\n')).toMatch(/layout: no browser found, and no earlier build laid this content out/);
    expect(readFileSync(bare.files.find((f) => f.endsWith('itib-budget-2023-24.html')) ?? '', 'utf8')).not.toMatch(/<section [^>]*data-laid-out/);

    const measured = await build({ deckPath: SEED_DECK, outDir: out(), pdf: false, cacheDir });
    expect(measured.layout?.modes.bi).toHaveLength(11);

    const dir = out();
    const reused = await build({ deckPath: SEED_DECK, outDir: dir, pdf: false, cacheDir, env: NO_BROWSER });
    expect(reused.layout).toEqual(measured.layout);
    expect(readFileSync(join(dir, 'itib-budget-2023-24.html'), 'utf8')).toMatch(/<section [^>]*data-laid-out data-fit="bi:/);
  });
});
