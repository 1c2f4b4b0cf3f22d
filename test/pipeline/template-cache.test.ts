import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.js';
import { TEMPLATES_DIR } from '../../src/pipeline/assets.js';
import { loadToolkit, renderMode } from '../../src/pipeline/stages.js';
import { specKey } from '../../src/render/precompiled.js';
import { SEED_DECK } from '../helpers/seed.js';

/**
 * Templates are compiled once and kept precompiled in the cache folder (issue 15: compiling
 * them was a seventh of an HTML-only build). What they render must not change.
 */
describe('precompiled templates in the cache', () => {
  it('are written on first use, keyed by their source, and render the same deck', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'bideck-tpl-'));
    const project = await loadProject(SEED_DECK);
    const plain = renderMode(project, await loadToolkit(), '', 'bi');
    const first = await loadToolkit(undefined, cache);
    const files = readdirSync(join(cache, 'templates'));
    expect(files.length).toBe(Object.keys(first.sources).length);
    for (const { source } of Object.values(first.sources)) expect(files).toContain(`${specKey(source)}.js`);
    expect(renderMode(project, first, '', 'bi')).toBe(plain);
    // From the cache this time: still the same deck.
    const second = await loadToolkit(undefined, cache);
    expect(renderMode(project, second, '', 'bi')).toBe(plain);
  });

  it('compile a changed template anew, and still report a broken one with its file and line', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'bideck-tpl-'));
    const overlay = mkdtempSync(join(tmpdir(), 'bideck-tpl-overlay-'));
    cpSync(join(TEMPLATES_DIR, 'deck.hbs'), join(overlay, 'deck.hbs'));
    const deck = readFileSync(join(overlay, 'deck.hbs'), 'utf8');
    writeFileSync(join(overlay, 'deck.hbs'), deck.replace('<body', '<body data-overlay="1"'));
    const project = await loadProject(SEED_DECK);
    const changed = await loadToolkit(overlay, cache);
    expect(renderMode(project, changed, '', 'bi')).toContain('data-overlay="1"');
    writeFileSync(join(overlay, 'deck.hbs'), `${deck}\n{{#if meta}}\n`);
    await expect(loadToolkit(overlay, cache)).rejects.toMatchObject({ kind: 'render', location: { file: join(overlay, 'deck.hbs') } });
  });
});
