import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/check/index.js';
import { BideckError } from '../../src/errors.js';
import { check, deckWith, glossaryOf, messages } from '../helpers/check.js';

/** Issue 12: what the wording says about an amount (qualifiers, currency, ratios, ranges, order, verbs). */
const rule = 'amount-mismatch';
const point = { zh: '要點', en: 'Point' };
const funding = (zh: string, en: string, amounts: number[], more: Record<string, unknown> = {}) => ({ zh, en, action: 'earmark', amounts, ...more });

describe('issue 12: false alarms are gone', () => {
  it.each([
    // a cap, 上限, 不多於, 最高, "not more than" and "up to" are one idea
    { zh: '上限2億元', en: 'Funding cap of $200M' },
    { zh: '最高2億元', en: 'Funding cap of $200M' },
    { zh: '上限為2億元', en: 'Up to $200M' },
    { zh: '資助不多於2億元', en: 'Funding of not more than $200M' },
    { zh: '不超過2億元', en: 'no more than $200M' },
    { zh: '最高2億元', en: 'capped at $200M' },
    // currencies written either way
    { zh: '人民幣1億元', en: 'RMB100M' },
    { zh: '1億元人民幣', en: 'RMB 100 million' },
    { zh: '1億美元', en: 'US$100M' },
    { zh: '1億美元', en: 'USD 100 million' },
    { zh: '5億港元', en: 'HK$500M' },
    // more than, written either way
    { zh: '2億多元', en: 'over $200M' },
    { zh: '逾350億元', en: 'over $35B' },
    { zh: '超過2億元', en: 'more than $200M' },
    { zh: '2億元以上', en: 'in excess of $200M' },
    { zh: '至少2億元', en: 'at least $200M' },
    { zh: '不少於2億元', en: 'no less than $200M' },
    // a full-width figure is the same amount (typography flags its width, once)
    { zh: '撥款３億元', en: 'Allocate $300M' },
    // ratios compared as ratios
    { zh: '提供一比一配對資助', en: 'Subsidise on a 1:1 matching basis' },
    { zh: '以一比二配對', en: 'matched 1-to-2' },
    { zh: '按1：2比例', en: 'in the ratio 2:4' },
    // ranges, written as ranges in both
    { zh: '資助額20萬至100萬元', en: 'Grants of $200,000 to $1M' },
    { zh: '1至2億元', en: '$100M-$200M' },
    // order under respectively, kept
    { zh: '分別投放4億及1.1億元', en: 'Inject $400M and $110M respectively' },
    // without respectively order is free
    { zh: '投放4億及1.1億元', en: 'Inject $110M and $400M' },
  ])('does not flag %j', (pair) => {
    expect(check(rule, pair)).toEqual([]);
  });

  it('a full-width figure gets the typography finding only, not also "no amount"', () => {
    const { deckSource, model } = deckWith({ zh: '撥款３億元', en: 'Allocate $300M' });
    const found = runChecks({ deckSource, model, glossary: undefined });
    expect(found.map((f) => f.rule)).toEqual(['typography']);
  });

  it('an empty English text is one finding (missing-translation), not also glossary or amount ones', () => {
    const glossary = glossaryOf({ terms: [{ zh: '數碼港', en: 'Cyberport' }] });
    const { deckSource, model } = deckWith({ zh: '數碼港撥款3億元', en: '' });
    const found = runChecks({ deckSource, model, glossary });
    expect(found.map((f) => f.rule)).toEqual(['missing-translation']);
  });
});

describe('issue 12: misses are caught', () => {
  it.each([
    // over / 逾 / 多 dropped, both ways
    [{ zh: '逾350億元', en: '$35B' }, 'Chinese says over (逾 / 多) but English does not (Chinese 350億元, English $35B); add "over" or "more than".'],
    [{ zh: '2億多元', en: '$200M' }, 'Chinese says over (逾 / 多) but English does not (Chinese 2億多元, English $200M); add "over" or "more than".'],
    [{ zh: '350億元', en: 'more than $35B' }, 'English says over ("over" / "more than") but Chinese does not (Chinese 350億元, English $35B); add 逾 or 超過.'],
    // at least, both ways
    [{ zh: '至少2億元', en: '$200M' }, 'Chinese says at least (至少) but English does not (Chinese 2億元, English $200M); add "at least".'],
    [{ zh: '2億元', en: 'at least $200M' }, 'English says at least ("at least") but Chinese does not (Chinese 2億元, English $200M); add 至少 or 不少於.'],
    // a ceiling on one side, in the newly understood wordings
    [{ zh: '上限2億元', en: '$200M' }, 'Chinese gives a ceiling (最高 / 最多) but English does not (Chinese 2億元, English $200M); add "up to" or "Max.".'],
    [{ zh: '2億元', en: 'Funding cap of $200M' }, 'English gives a ceiling ("up to" / "Max.") but Chinese does not (Chinese 2億元, English $200M); add 最高 or 最多.'],
    // ratios compared, not skipped
    [{ zh: '以一比二配對', en: 'matched 1:1' }, 'The ratios differ: Chinese says 一比二 (1:2) but English says 1:1 (1:1).'],
    [{ zh: '按3:7比例', en: 'in the ratio 7:3' }, 'The ratios differ: Chinese says 3:7 (3:7) but English says 7:3 (7:3).'],
    // currency ignored no more, both ways
    [{ zh: '1億美元', en: '$100M' }, 'The currencies differ: Chinese says 1億美元 (US$100,000,000) but English says $100M; write the same currency (元 / $ for HKD, 美元 / US$, 人民幣 / RMB) in both.'],
    [{ zh: '1億元', en: 'US$100M' }, 'The currencies differ: Chinese says 1億元 (HK$100,000,000) but English says US$100M; write the same currency (元 / $ for HKD, 美元 / US$, 人民幣 / RMB) in both.'],
    [{ zh: '人民幣1億元', en: 'HK$100M' }, 'The currencies differ: Chinese says 人民幣1億元 (RMB100,000,000) but English says HK$100M; write the same currency (元 / $ for HKD, 美元 / US$, 人民幣 / RMB) in both.'],
    // order under 分別 / respectively, either side saying so
    [{ zh: '科技園公司分別投放4億及1.1億元', en: 'HKSTPC to inject $110M and $400M respectively' }, 'The text says respectively (分別), so the order matters: Chinese says 4億 (HK$400,000,000) and 1.1億元 (HK$110,000,000) but English says $110M and $400M; put the amounts in the same order.'],
    [{ zh: '投放4億及1.1億元', en: 'Inject $110M and $400M respectively' }, 'The text says respectively (分別), so the order matters: Chinese says 4億 (HK$400,000,000) and 1.1億元 (HK$110,000,000) but English says $110M and $400M; put the amounts in the same order.'],
    // a range on one side only
    [{ zh: '資助額20萬至100萬元', en: 'Grants of $200,000 and $1M' }, 'Chinese says a range (至) but English does not (Chinese 20萬, English $200,000); write it as a range ($200,000 to $1M).'],
    [{ zh: '資助額20萬及100萬元', en: 'Grants of $200,000 to $1M' }, 'English says a range ("to") but Chinese does not (Chinese 20萬, English $200,000); write it as a range (20萬至100萬元).'],
  ])('flags %j', (pair, message) => {
    expect(messages(check(rule, pair))).toEqual([message]);
  });
});

describe('funding semantics (issue 11 point 8) held to the wording', () => {
  it.each([
    funding('上限2億元', 'Funding cap of $200M', [200_000_000], { ceiling: true }),
    funding('預留最高2億元', 'Earmark up to $200M', [200_000_000], { ceiling: true }),
    funding('預留人民幣1億元', 'Earmark RMB100M', [100_000_000], { currency: 'RMB' }),
    funding('預留1億美元', 'Earmark US$100M', [100_000_000], { currency: 'USD' }),
    funding('預留逾350億元', 'Earmark over $35B', [35_000_000_000], { over: true }),
    funding('預留2億多元', 'Earmark more than $200M', [200_000_000], { over: true }),
    funding('預留20萬至100萬元', 'Earmark $200,000 to $1M', [200_000, 1_000_000], { range: true }),
    funding('每家企業最高可獲2億元', 'Up to $200M per enterprise', [200_000_000], { ceiling: true, perUnit: { zh: '每家企業', en: 'per enterprise' }, action: 'provide' }),
    funding('科技園公司分別投放4億及1.1億元', 'HKSTPC to inject $400M and $110M respectively', [400_000_000, 110_000_000], { action: 'inject' }),
  ])('does not flag $zh / $en', (line) => {
    expect(check(rule, point, { funding: line })).toEqual([]);
  });

  const one = (line: Record<string, unknown>) => {
    const found = check(rule, point, { funding: line });
    return found.map((f) => [f.path, f.message]);
  };

  it('a ceiling in the wording must be stored, and a stored one worded', () => {
    expect(one(funding('預留最高2億元', 'Earmark up to $200M', [200_000_000]))).toEqual([
      ['areas[0].slides[0].initiatives[0].funding.ceiling', 'Both languages say a ceiling (最高 / 上限 / 不多於, "up to" / "cap" / "not more than") but the stored amounts do not; set "ceiling: true".'],
    ]);
    expect(one(funding('預留2億元', 'Earmark $200M', [200_000_000], { ceiling: true }))).toEqual([
      ['areas[0].slides[0].initiatives[0].funding.ceiling', 'The stored amounts are marked "ceiling: true" but neither language says a ceiling (最高 / 上限 / 不多於, "up to" / "cap" / "not more than"); add it to the wording, or remove "ceiling: true".'],
    ]);
  });

  it('over and range likewise', () => {
    expect(one(funding('預留逾350億元', 'Earmark over $35B', [35_000_000_000]))[0]?.[0]).toBe('areas[0].slides[0].initiatives[0].funding.over');
    expect(one(funding('預留20萬至100萬元', 'Earmark $200,000 to $1M', [200_000, 1_000_000]))[0]?.[0]).toBe('areas[0].slides[0].initiatives[0].funding.range');
    expect(one(funding('預留20萬及100萬元', 'Earmark $200,000 and $1M', [200_000, 1_000_000], { range: true }))[0]?.[0]).toBe('areas[0].slides[0].initiatives[0].funding.range');
  });

  it('the currency must agree: stored, Chinese and English', () => {
    expect(one(funding('預留1億美元', 'Earmark US$100M', [100_000_000]))).toEqual([
      ['areas[0].slides[0].initiatives[0].funding.currency', 'Both languages say 1億美元 (US$100,000,000) / US$100M, but the stored amount is 100,000,000 in US dollars (美元 / US$); set "currency: USD".'],
    ]);
    expect(one(funding('預留1億美元', 'Earmark $100M', [100_000_000], { currency: 'USD' }))).toEqual([
      ['areas[0].slides[0].initiatives[0].funding.en', 'English says $100M but Chinese says 1億美元 (US$100,000,000) and the stored amount is 100,000,000 (USD). The figures match but the currency does not: the stored currency is US dollars (美元 / US$).'],
    ]);
  });

  it('the stored order must follow 分別 / respectively', () => {
    expect(one(funding('分別投放4億及1.1億元', 'Inject $400M and $110M respectively', [110_000_000, 400_000_000], { action: 'inject' }))).toEqual([
      ['areas[0].slides[0].initiatives[0].funding.zh', 'The text says respectively (分別), so the order matters: Chinese says 4億 (HK$400,000,000) and 1.1億元 (HK$110,000,000) but the stored amounts are 110,000,000 and 400,000,000 in that order; put them in the same order.'],
      ['areas[0].slides[0].initiatives[0].funding.en', 'The text says respectively (分別), so the order matters: English says $400M and $110M but the stored amounts are 110,000,000 and 400,000,000 in that order; put them in the same order.'],
    ]);
  });

  it('per unit: worded 每… needs perUnit, and a stored perUnit must be worded in both', () => {
    expect(one(funding('每家企業最高可獲2億元', 'Up to $200M per enterprise', [200_000_000], { ceiling: true, action: 'provide' }))).toEqual([
      ['areas[0].slides[0].initiatives[0].funding.perUnit', 'The Chinese says the amount is for each (每家企業) but no perUnit is stored; add perUnit: { zh: 每家企業, en: per … }.'],
    ]);
    expect(one(funding('每家企業最高可獲2億元', 'Up to $200M', [200_000_000], { ceiling: true, action: 'provide', perUnit: { zh: '每家企業', en: 'per enterprise' } }))).toEqual([
      ['areas[0].slides[0].initiatives[0].funding.en', 'The stored amount is per unit (每家企業 / per enterprise) but the English does not say "per enterprise".'],
    ]);
  });
});

describe('funding schema: located errors', () => {
  const error = (line: Record<string, unknown>) => {
    try {
      deckWith(point, line);
    } catch (e) {
      if (e instanceof BideckError) return e.format().split('\n')[0];
    }
    return undefined;
  };
  it.each([
    [funding('預留20萬至100萬元', 'Earmark $200,000 to $1M', [1_000_000, 200_000], { range: true }), 'deck.yaml:29:17 areas[0].slides[0].initiatives[0].funding.amounts: a range needs two amounts, the lower first (e.g. [200000, 1000000]); found them in the wrong order'],
    [funding('預留20萬元', 'Earmark $200,000', [200_000], { range: true }), 'deck.yaml:29:17 areas[0].slides[0].initiatives[0].funding.amounts: a range needs two amounts, the lower first (e.g. [200000, 1000000]); found 1'],
    [funding('預留2億元', 'Earmark $200M', [200_000_000], { currency: 'EUR' }), 'deck.yaml:30:25 areas[0].slides[0].initiatives[0].funding.currency: expected a currency, one of HKD, USD, RMB; found text "EUR"'],
    [funding('預留最高逾2億元', 'Earmark up to over $200M', [200_000_000], { ceiling: true, over: true }), 'deck.yaml:31:21 areas[0].slides[0].initiatives[0].funding.over: an amount cannot be both a ceiling (up to) and "over"; keep the one the wording says'],
    [funding('預留2億元', 'Earmark $200M', [200_000_000], { perUnit: { zh: '每家企業' } }), 'deck.yaml:31:17 areas[0].slides[0].initiatives[0].funding.perUnit.en: English text is missing'],
  ])('%j', (line, message) => {
    expect(error(line)).toBe(message);
  });
});

describe('funding-action: the stored action against the verb', () => {
  const act = (zh: string, en: string, action: string, glossary?: unknown) =>
    messages(check('funding-action', point, { funding: funding(zh, en, [200_000_000], { action }), ...(glossary ? { glossary: glossaryOf(glossary) } : {}) }));

  it('flags earmark on a line that says 撥款 / Allocate, per language', () => {
    expect(act('撥款2億元', 'Allocate $200M', 'earmark')).toEqual([
      'The stored action is earmark but the Chinese says 撥款 (allocate); set "action: allocate", or word it 預留.',
      'The stored action is earmark but the English says "Allocate" (allocate); set "action: allocate", or word it "earmark".',
    ]);
    expect(act('預留2億元', 'Allocate $200M', 'earmark')).toEqual([
      'The stored action is earmark but the English says "Allocate" (allocate); set "action: allocate", or word it "earmark".',
    ]);
    expect(act('注資2億元', 'Inject $200M', 'subsidise')).toHaveLength(2);
  });

  it.each([
    ['預留2億元', 'Earmark $200M', 'earmark'],
    ['撥款2億元', 'Allocate $200M', 'allocate'],
    ['從已預留的100億元中撥出2億元', 'Set aside $200M out of the earmarked $10B', 'set-aside'],
    ['科技園公司分別投放4億及1.1億元', 'HKSTPC to inject $400M and $110M respectively', 'inject'],
    ['注資2億元', 'Injecting $200M', 'inject'],
    ['提供2億元資助', 'Provide subsidies of $200M', 'subsidise'],
    ['資助2億元', 'Subsidising with $200M', 'subsidise'],
    ['2億元', '$200M', 'earmark'], // no verb: nothing to compare
  ])('does not flag %s / %s as %s', (zh, en, action) => {
    expect(act(zh, en, action)).toEqual([]);
  });

  it('a deck extends the table in its glossary', () => {
    expect(act('預留2億元', 'Reserve $200M', 'reserve')).toHaveLength(1);
    expect(act('預留2億元', 'Reserve $200M', 'reserve', { verbs: { reserve: { zh: ['預留'] } } })).toEqual([]);
  });
});
