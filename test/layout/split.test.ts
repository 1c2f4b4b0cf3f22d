import { describe, expect, it } from 'vitest';
import { applySplits } from '../../src/layout/split.js';
import { loadProject } from '../../src/load/project.js';
import { outline } from '../../src/model/outline.js';
import { exportUnits } from '../../src/xliff/units.js';
import { SEED_DECK } from '../helpers/seed.js';

/** Continuation slides are slides of the model: everything that counts slides counts them (issue 9, point 3). */
describe('applySplits', () => {
  it('numbers continuation slides in, attributes segments to the first slide showing them, and keeps bookmarks single', async () => {
    const { model } = await loadProject(SEED_DECK);
    const source = model.slides[4];
    if (!source || source.data.layout !== 'content') throw new Error('seed slide 5 is a content slide');
    const [a, b] = source.data.initiatives ?? [];
    const points = a?.points?.length ?? 0;
    expect(points).toBeGreaterThan(1);
    const split = applySplits(model, [{
      slide: source.id,
      parts: [
        { initiatives: [{ index: 0, rows: [{ kind: 'point', index: 0 }], funding: false }] },
        { initiatives: [{ index: 0, rows: Array.from({ length: points - 1 }, (_, i) => ({ kind: 'point' as const, index: i + 1 })), funding: true }, { index: 1, rows: (b?.points ?? []).map((_, i) => ({ kind: 'point' as const, index: i })), funding: b?.funding !== undefined }] },
      ],
    }]);
    expect(split.slides).toHaveLength(12);
    expect(split.slides.map((s) => s.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const [one, two] = [split.slides[4], split.slides[5]];
    expect(one?.id).toBe(source.id);
    expect(two?.id).toBe(`${source.id}--2`);
    expect(two?.continuation).toEqual({ part: 2, parts: 2, of: source.id });
    expect(two?.opensArea).toBe(false);
    // The notes stay with part 1; the funding line with the last part of its initiative.
    expect(one?.segments.some((s) => s.kind === 'notes')).toBe(source.segments.some((s) => s.kind === 'notes'));
    expect(two?.segments.some((s) => s.kind === 'notes')).toBe(false);
    expect(one?.segments.some((s) => s.kind === 'funding')).toBe(false);
    // Every segment once in the deck, on the first slide that shows it; later slides move up by one.
    expect(split.segments.map((s) => s.id)).toEqual(model.segments.map((s) => s.id));
    const title = split.segments.find((s) => s.kind === 'title' && s.path.join('.') === [...source.path, 'initiatives', 0, 'title'].join('.'));
    expect(title?.slide).toBe(5);
    const second = split.segments.find((s) => s.id.endsWith('.p2') && s.path.slice(0, source.path.length).join('.') === source.path.join('.'));
    expect(second?.slide).toBe(6);
    const last = model.segments.filter((s) => s.slide === 11).map((s) => s.id);
    expect(split.segments.filter((s) => s.slide === 12).map((s) => s.id)).toEqual(last);
    // Bookmarks: the initiative once, on its first slide; XLIFF notes name the shown slide.
    const titles = outline(split, 'en').flatMap((e) => e.children.map((c) => c.title));
    expect(new Set(titles).size).toBe(titles.length);
    const unit = exportUnits(split).find((u) => u.id === second?.id);
    expect(JSON.stringify(unit)).toContain('"6"');
  });
});
