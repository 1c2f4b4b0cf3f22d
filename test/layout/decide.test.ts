import { describe, expect, it } from 'vitest';
import { CHART_FLOOR_PX, FIT_STEPS, GROW_STEPS, boxFloorPx, candidates, findProblems, floorPx, planSplit, widestCard } from '../../src/layout/decide.js';
import type { Box } from '../../src/layout/types.js';

describe('floors (issue 9, point 2)', () => {
  it('are 12 pt body, 10 pt bilingual English, 8 pt furniture, in CSS px', () => {
    expect(floorPx('zh', 'zh')).toBe(16);
    expect(floorPx('en', 'en')).toBe(16);
    expect(floorPx('bi', 'zh')).toBe(16);
    expect(floorPx('bi', 'en')).toBeCloseTo(13.333, 3);
    expect(floorPx('bi', 'en', true)).toBeCloseTo(10.667, 3);
  });
});

describe('candidates: space before size (point 4)', () => {
  it('tries two columns at full size before shrinking a single initiative', () => {
    const c = candidates(true);
    expect(c.slice(0, 3)).toEqual([{ fit: 1, columns: 1 }, { fit: 1, columns: 2 }, { fit: 0.94, columns: 2 }]);
    expect(candidates(false).every((x) => x.columns === 1)).toBe(true);
  });

  it('lets a slide of tables alone try larger text first, then the usual steps', () => {
    const c = candidates(false, undefined, true);
    expect(c.map((x) => x.fit)).toEqual([...GROW_STEPS, ...FIT_STEPS]);
    expect(c[0]?.fit).toBeGreaterThan(1);
    expect(candidates(false)[0]?.fit).toBe(1);
  });

  it('gives the densest of the cards in a row a wider column before each smaller size step (point 2, seed slide 7)', () => {
    expect(candidates(false, 0).slice(0, 3)).toEqual([{ fit: 1, columns: 1 }, { fit: 1, columns: 1, wide: 0 }, { fit: 0.94, columns: 1 }]);
    expect(widestCard([300, 120, 130])).toBe(0);
    expect(widestCard([120, 130, 300])).toBe(2);
    expect(widestCard([200, 180])).toBeUndefined(); // similar density: even columns
    expect(widestCard([500])).toBeUndefined();
    expect(widestCard([500, 100, 100, 100])).toBeUndefined(); // a 2×2 grid has no row to share
  });
});

describe('floors of issue 11 elements', () => {
  it('hold a source line at 10 pt, table cells, milestones and captions at the body floors', () => {
    expect(boxFloorPx('zh', { kind: 'source', lang: 'zh' })).toBeCloseTo(13.333, 3);
    expect(boxFloorPx('en', { kind: 'cell', lang: 'en' })).toBe(16);
    expect(boxFloorPx('bi', { kind: 'milestone', lang: 'en' })).toBeCloseTo(13.333, 3);
    expect(boxFloorPx('bi', { kind: 'caption', lang: 'zh' })).toBe(16);
    const cell: Box = { kind: 'cell', lang: 'en', x: 10, y: 10, w: 100, h: 20, fontPx: 12 };
    expect(findProblems([cell], 'en').map((p) => p.kind)).toEqual(['below-floor']);
  });

  it('continue a table alone by rows, every part at once; its cards go first when it shares the slide', () => {
    const rows = { kind: 'content' as const, initiatives: [], table: { capacity: 100, rows: Array.from({ length: 7 }, () => 30) } };
    expect(planSplit({ initiatives: [] }, rows, { block: 1, length: 7 })).toEqual({
      parts: [[0, 3], [3, 6], [6, 7]].map((rows) => ({ initiatives: [], blocks: { block: 1, rows } })),
    });
    const withCards = { initiatives: [{ index: 0, rows: [], funding: false }] };
    expect(planSplit(withCards, rows, { block: 1, length: 7 })).toEqual({
      parts: [{ ...withCards, blocks: false }, { initiatives: [], blocks: { block: 1, rows: [0, 7] } }],
    });
  });
});

describe('planSplit (point 3)', () => {
  const content = (capacity: number, rows: number[]) => ({ kind: 'content' as const, initiatives: [{ capacity, rows: rows.map((h) => ({ kind: 'point' as const, h, subs: [], own: h })) }] });
  const one = (n: number, funding = true) => ({ initiatives: [{ index: 0, rows: Array.from({ length: n }, (_, i) => ({ kind: 'point' as const, index: i })), funding }] });

  it('splits between initiatives first, the first half staying', () => {
    const current = { initiatives: [0, 1, 2, 3].map((index) => ({ index, rows: [], funding: false })) };
    const plan = planSplit(current, { kind: 'content', initiatives: [] });
    expect(plan).toEqual({ parts: [{ initiatives: current.initiatives.slice(0, 2) }, { initiatives: current.initiatives.slice(2) }] });
  });

  it('then between points, by measured height; the funding line goes with the last part', () => {
    const plan = planSplit(one(6), content(100, [40, 40, 40, 40, 40, 40]));
    // Two columns count as 1.6 × 100 px: four 40 px rows fit.
    expect(plan).toEqual({
      parts: [
        { initiatives: [{ index: 0, rows: one(4).initiatives[0]?.rows, funding: false }] },
        { initiatives: [{ index: 0, rows: one(6).initiatives[0]?.rows.slice(4), funding: true }] },
      ],
    });
  });

  it('splits a nested list between its sub-points, its parent repeated', () => {
    const rows = { kind: 'content' as const, initiatives: [{ capacity: 100, rows: [{ kind: 'point' as const, h: 230, own: 30, subs: [50, 50, 50, 50] }] }] };
    const plan = planSplit({ initiatives: [{ index: 0, rows: [{ kind: 'point', index: 0 }], funding: true }] }, rows);
    expect(plan).toEqual({
      parts: [
        { initiatives: [{ index: 0, rows: [{ kind: 'point', index: 0, sub: [0, 1] }], funding: false }] },
        { initiatives: [{ index: 0, rows: [{ kind: 'point', index: 0, sub: [1, 4] }], funding: true }] },
      ],
    });
  });

  it('gives up on one point alone that still does not fit', () => {
    expect(planSplit(one(1), content(100, [400]))).toEqual({ unsplittable: { initiative: 0, row: { kind: 'point', index: 0 } } });
  });

  it('splits statement paragraphs', () => {
    expect(planSplit({ paragraphs: [0, 1, 2] }, { kind: 'statement', capacity: 200, paragraphs: [120, 120, 120] })).toEqual({ parts: [{ paragraphs: [0] }, { paragraphs: [1, 2] }] });
  });
});

describe('findProblems (point 1)', () => {
  const text = (y: number, h: number, extra: Partial<Box> = {}): Box => ({ kind: 'point', lang: 'zh', x: 60, y, w: 500, h, fontPx: 20, ...extra });
  const footer: Box = { kind: 'footer', x: 0, y: 680, w: 1280, h: 40 };

  it('finds nothing on a clean slide', () => {
    expect(findProblems([text(100, 30), text(140, 30), footer], 'zh')).toEqual([]);
  });
  it('finds text over text, text over a badge, text under the footer, text below its floor', () => {
    const badge: Box = { kind: 'funding', x: 60, y: 600, w: 500, h: 60 };
    const kinds = (boxes: Box[], mode: 'bi' | 'zh' = 'zh') => findProblems(boxes, mode).map((p) => p.kind);
    expect(kinds([text(100, 30), text(120, 30), footer])).toEqual(['overlap']);
    expect(kinds([text(590, 30), badge, footer])).toEqual(['overlap']);
    expect(kinds([text(610, 20, { kind: 'funding' }), badge, footer])).toEqual([]);
    expect(kinds([text(670, 30), footer])).toEqual(['outside']);
    expect(kinds([text(100, 30, { fontPx: 15 }), footer])).toEqual(['below-floor']);
    expect(kinds([text(100, 30, { fontPx: 13.34, lang: 'en' }), footer], 'bi')).toEqual([]);
  });
  it('holds a chart label to 10 pt as drawn; labels inside one chart may touch, a label over other text may not', () => {
    const kinds = (boxes: Box[]) => findProblems(boxes, 'zh').map((p) => p.kind);
    const label = (y: number, fontPx: number): Box => ({ kind: 'chart', lang: 'zh', x: 700, y, w: 80, h: 20, fontPx });
    expect(boxFloorPx('zh', { kind: 'chart', lang: 'zh' })).toBeCloseTo(CHART_FLOOR_PX);
    expect(kinds([label(200, 13.4), footer])).toEqual([]);
    // A chart drawn for the full body width, shrunk into half of it: its 17 px labels at 9.8 px.
    expect(kinds([label(200, 9.8), footer])).toEqual(['below-floor']);
    expect(kinds([label(200, 16), label(210, 16), footer])).toEqual([]);
    expect(kinds([label(200, 16), { ...text(205, 30), x: 690 }, footer])).toEqual(['overlap']);
  });
});
