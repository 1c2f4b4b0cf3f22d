import { describe, expect, it } from 'vitest';
import { formatSlideRange, parseSlideRange, remapOutline } from '../../src/model/range.js';
import type { OutlineEntry } from '../../src/model/outline.js';

describe('slide ranges (--slides)', () => {
  it('reads single slides, ranges, open ends and lists', () => {
    expect(parseSlideRange('3', 11)).toEqual([3]);
    expect(parseSlideRange('3-7', 11)).toEqual([3, 4, 5, 6, 7]);
    expect(parseSlideRange('9-', 11)).toEqual([9, 10, 11]);
    expect(parseSlideRange('-2', 11)).toEqual([1, 2]);
    expect(parseSlideRange('1, 3-5,4', 11)).toEqual([1, 3, 4, 5]);
    expect(parseSlideRange('11', 11)).toEqual([11]);
  });

  it('refuses what it cannot honour, saying why, as a usage error', () => {
    const cases: [string, string][] = [
      ['0', 'slide numbers start at 1'],
      ['9-3', '9-3 runs backwards'],
      ['x', '"x" is not a slide number or range'],
      ['12', 'slide 12 does not exist'],
      ['', '"" is not a slide number or range'],
      ['-', '"-" is not a slide number or range'],
      ['1,,2', '"" is not a slide number or range'],
      ['3.5', '"3.5" is not a slide number or range'],
    ];
    for (const [spec, why] of cases) {
      expect(() => parseSlideRange(spec, 11), spec).toThrow(expect.objectContaining({ kind: 'usage', message: expect.stringContaining(why) }));
    }
    expect(() => parseSlideRange('0', 11)).toThrow('expected e.g. 3, 3-7, 3- or 1,3-5 (the deck has 11 slides)');
  });

  it('writes slide lists back compactly, as Chromium page ranges', () => {
    expect(formatSlideRange([3, 4, 5, 6, 7])).toBe('3-7');
    expect(formatSlideRange([1, 3, 4, 5, 9])).toBe('1,3-5,9');
    expect(formatSlideRange([2])).toBe('2');
  });

  it('keeps the bookmarks of the slides kept, on their new pages', () => {
    const e = (title: string, page: number, children: OutlineEntry[] = []): OutlineEntry => ({ title, page, children });
    const outline = [e('Title', 0), e('1. Area', 3, [e('A', 3), e('B', 4)]), e('2. Area', 6, [e('C', 6)]), e('End', 10)];
    const kept = [5, 6, 7];
    expect(remapOutline(outline, (n) => (kept.includes(n) ? kept.indexOf(n) : undefined))).toEqual([
      e('1. Area', 0, [e('B', 0)]), // its own slide (4) is out: it opens its first kept child
      e('2. Area', 2, [e('C', 2)]),
    ]);
  });
});
