import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEMPLATES_DIR } from '../../src/pipeline/assets.js';
import { LiveDeck, errorText } from '../../src/serve/live.js';
import { copySeed } from '../helpers/seed-copy.js';

const TITLE = 'en: Digital Economy\n';

describe('LiveDeck: rebuild only what a change reaches', () => {
  it('reruns the stages a change needs, and keeps the last good build through an error', async () => {
    const seed = copySeed('bideck-live-');
    const original = readFileSync(seed.deck, 'utf8');
    const live = new LiveDeck({ deckPath: seed.deck });

    const first = await live.rebuild({ data: true, templates: true });
    expect(first).toMatchObject({ ok: true, generation: 1, stages: ['templates', 'load', 'fonts', 'render'] });
    const toolkit = live.snapshot?.toolkit;
    expect(live.page('bi')).toContain('bideck serve: live reload');

    // Same characters, new order: no template compile, no font subsetting.
    writeFileSync(seed.deck, original.replace(TITLE, 'en: Economy Digital\n'));
    expect(await live.rebuild({ data: true, templates: false })).toMatchObject({ ok: true, generation: 2, stages: ['load', 'render'] });
    expect(live.snapshot?.toolkit).toBe(toolkit);
    expect(live.update?.slides).toContain('Economy Digital');

    // A character the deck did not have yet: the fonts are subset again.
    writeFileSync(seed.deck, original.replace(TITLE, 'en: Digital Economy Q\n').replace('zh: 數字化經濟\n', 'zh: 數字化經濟甲\n'));
    expect(await live.rebuild({ data: true, templates: false })).toMatchObject({ ok: true, generation: 3, stages: ['load', 'fonts', 'render'] });

    // A template change alone: templates again, the data stays loaded.
    const project = live.snapshot?.project;
    expect(await live.rebuild({ data: false, templates: true })).toMatchObject({ ok: true, generation: 4, stages: ['templates', 'render'] });
    expect(live.snapshot?.project).toBe(project);

    // Broken data: the error is kept, and so is the last good build.
    writeFileSync(seed.deck, original.replace(TITLE, 'en: "Digital Economy\n'));
    const failed = await live.rebuild({ data: true, templates: false });
    expect(failed.ok).toBe(false);
    expect(errorText(live.error)).toMatch(/deck\.yaml:\d+:35: invalid YAML: Missing closing "quote/);
    expect(live.snapshot?.generation).toBe(4);
    expect(live.page('bi')).toContain('Digital Economy Q');

    // A template change while the data is broken still fails: the data change is not forgotten.
    expect((await live.rebuild({ data: false, templates: true })).ok).toBe(false);
    writeFileSync(seed.deck, original);
    expect(await live.rebuild({ data: false, templates: false })).toMatchObject({ ok: true, generation: 5 });
    expect(live.error).toBeUndefined();
    expect(live.update?.slides).toContain('Digital Economy');
  });

  it('tells template files from data files, and watches the deck, its brand and glossary', async () => {
    const seed = copySeed('bideck-live-paths-');
    const live = new LiveDeck({ deckPath: seed.deck });
    expect(live.watchedPaths()).toEqual([seed.deck, TEMPLATES_DIR]);
    await live.rebuild({ data: true, templates: true });
    expect(live.watchedPaths()).toEqual([seed.deck, `${seed.dir}/brands/hkgov.yaml`, `${seed.dir}/glossary.yaml`, TEMPLATES_DIR]);
    expect(live.isTemplate(`${TEMPLATES_DIR}/partials/footer.hbs`)).toBe(true);
    expect(live.isTemplate(`${TEMPLATES_DIR}/deck.css`)).toBe(true);
    expect(live.isTemplate(`${TEMPLATES_DIR}-old/deck.css`)).toBe(false);
    expect(live.isTemplate(seed.deck)).toBe(false);
  });

  it('gives each mode a shell hash that changes with the page around the slides, not with them', async () => {
    const seed = copySeed('bideck-live-shell-');
    const original = readFileSync(seed.deck, 'utf8');
    const live = new LiveDeck({ deckPath: seed.deck });
    await live.rebuild({ data: true, templates: true });
    live.page('en');
    const before = live.update?.shells;
    writeFileSync(seed.deck, original.replace(TITLE, 'en: Economy Digital\n'));
    await live.rebuild({ data: true, templates: false });
    expect(live.update?.shells).toEqual(before);
    expect(before?.bi).not.toBe(before?.en);
    // The deck's title is in every page's <title>: only a reload shows that.
    writeFileSync(seed.deck, original.replace('      2023-24 Budget\n', '      2024-25 Budget\n'));
    await live.rebuild({ data: true, templates: false });
    expect(live.update?.shells.bi).not.toBe(before?.bi);
  });
});
