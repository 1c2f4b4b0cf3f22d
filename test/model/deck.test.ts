import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.js';
import { formatDate } from '../../src/render/date.js';
import { plainText } from '../../src/render/markdown.js';
import { SEED_DECK, seedLines, squash } from '../helpers/seed.js';

describe('the seed deck model', async () => {
  const { model } = await loadProject(SEED_DECK);

  it('has the 11 slides of the briefing in order', () => {
    expect(model.slides.map((s) => s.layout)).toEqual([
      'title', 'statement', 'overview',
      'content', 'content', 'content', 'content', 'content', 'content', 'content',
      'closing',
    ]);
    expect(model.slides.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(model.slides.map((s) => s.area?.number ?? null)).toEqual([null, null, null, 1, 1, 1, 2, 3, 3, 4, null]);
    expect(model.slides.filter((s) => s.opensArea).map((s) => s.number)).toEqual([4, 7, 8, 10]);
  });

  it('holds every line of the seed, in both languages, exactly as worded', () => {
    const corpus = squash(
      model.segments.map((s) => `${plainText(s.text.zh)}\n${plainText(s.text.en)}`).join('\n') +
        model.areas.map((a) => `${a.title.zh}${a.title.en}`).join('') +
        formatDate(model.deck.meta.date),
    );
    const missing = seedLines().filter((line) => !corpus.includes(squash(line)));
    expect(missing).toEqual([]);
  });

  it('keeps one title per area', () => {
    expect(model.areas.map((a) => a.title.zh)).toEqual([
      '發展數碼基建、推動數碼轉型',
      '鞏固香港科研優勢、促進科技產業發展',
      '培育科技初創及人才',
      '發展創科基建、推動「新型工業化」',
    ]);
  });

  it('stores each funding line as numbers in HKD', () => {
    const funding = model.segments.filter((s) => s.funding).map((s) => ({ en: s.text.en, ...s.funding }));
    expect(funding.map((f) => [f.en, f.action, f.amounts, f.approximate])).toEqual([
      ['Earmark ~$200M', 'earmark', [200_000_000], true],
      ['Earmark $500M', 'earmark', [500_000_000], false],
      ['Allocate $50M', 'allocate', [50_000_000], false],
      ['Set aside $6B out of the earmarked $10B', 'set-aside', [6_000_000_000], false],
      ['Earmark $3B', 'earmark', [3_000_000_000], false],
      ['HKSTPC to inject $400M and $110M respectively', 'inject', [400_000_000, 110_000_000], false],
      ['Earmark $265M', 'earmark', [265_000_000], false],
      ['Allocate $300M', 'allocate', [300_000_000], false],
    ]);
    expect(funding.find((f) => f.action === 'set-aside')?.outOf).toBe(10_000_000_000);
  });

  it('gives every segment a unique, stable id', () => {
    const ids = model.segments.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('ai-and-iam-smart.iam-smart.funding');
    expect(ids).toContain('digital-economy.digital-economy.p2.3');
  });
});
