import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, formatHkd, parseAmounts } from '../../src/model/amount.js';
import type { AmountLang } from '../../src/model/amount.js';
import { chineseNumeral } from '../../src/model/zh-numerals.js';

const LANGS: AmountLang[] = ['zh', 'en'];
/** Every whole amount the schema accepts: HK$1 to HK$10 trillion. */
const whole = fc.integer({ min: 1, max: 1e13 });
/** Round figures as wording states them: 2.65億, $1.5M, 5千萬. */
const nice = fc
  .tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 11 }))
  .map(([digits, zeros]) => digits * 10 ** zeros)
  .filter((v) => v <= 1e13);
/** Amounts with cents. */
const cents = fc.integer({ min: 1, max: 1e12 }).map((c) => c / 100);
/** About, with at most one bound (up to, over or at least: "at least over" says nothing), in a currency. */
const flags = fc
  .record({
    approximate: fc.boolean(),
    bound: fc.constantFrom('', 'max', 'over', 'min'),
    currency: fc.constantFrom('HKD' as const, 'USD' as const, 'RMB' as const),
  })
  .map(({ approximate, bound, currency }) => ({ approximate, max: bound === 'max', over: bound === 'over', min: bound === 'min', currency }));

describe('formatAmount and parseAmounts round-trip', () => {
  for (const lang of LANGS) {
    it(`${lang}: any whole, round or cent amount, with or without about / at most / over / at least, in any currency`, () => {
      fc.assert(
        fc.property(fc.oneof(whole, nice, cents), flags, (value, f) => {
          const text = formatAmount(value, lang, f);
          expect(parseAmounts(text, lang)).toEqual([
            { ...f, value, range: undefined, raw: expect.any(String) as string, index: expect.any(Number) as number },
          ]);
        }),
        { numRuns: 2000 },
      );
    });

    it(`${lang}: amounts inside a sentence, as a list`, () => {
      fc.assert(
        fc.property(fc.array(fc.oneof(whole, nice), { minLength: 1, maxLength: 4 }), (values) => {
          const words = values.map((v) => formatAmount(v, lang));
          const text = lang === 'zh' ? `科技園公司分別投放${words.join('及')}` : `HKSTPC to inject ${words.join(' and ')} respectively`;
          expect(parseAmounts(text, lang).map((a) => a.value)).toEqual(values);
        }),
      );
    });
  }

  it('any text: never throws, and each amount is found where it is written', () => {
    const piece = fc.constantFrom('約', '最高', '元', '億', '萬', '千', '五十', '兩', '及', '至', '$', 'HK$', 'M', 'B', 'K', ' million', '~', 'up to ', '1', '2.65', '1,000', ',', '.', '-', ' ', '年', '合約', 'Web3', '(', '「');
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.array(piece, { maxLength: 12 }).map((p) => p.join('')));
    fc.assert(
      fc.property(text, fc.constantFrom<AmountLang>('zh', 'en'), (t, lang) => {
        for (const a of parseAmounts(t, lang)) {
          expect(t.slice(a.index, a.index + a.raw.length)).toBe(a.raw);
          expect(Number.isFinite(a.value) && a.value >= 0).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('zh: Chinese numerals read back for any whole amount', () => {
    fc.assert(
      fc.property(whole, (value) => {
        expect(parseAmounts(`最高資助額${chineseNumeral(value)}元`, 'zh').map((a) => [a.value, a.max])).toEqual([[value, true]]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatAmount', () => {
  it.each<[number, string, string]>([
    [200_000_000, '2億元', '$200M'],
    [265_000_000, '2.65億元', '$265M'],
    [50_000_000, '5,000萬元', '$50M'],
    [500_000, '50萬元', '$500,000'],
    [110_000_000, '1.1億元', '$110M'],
    [6_000_000_000, '60億元', '$6B'],
    [2_650_000_000, '26.5億元', '$2.65B'],
    [1_500_000, '150萬元', '$1.5M'],
    [9_999, '9,999元', '$9,999'],
    [12_345_678, '12,345,678元', '$12,345,678'],
    [1.5e12, '1.5萬億元', '$1,500B'],
    [1234.5, '1,234.5元', '$1,234.5'],
  ])('%d → %s / %s', (value, zh, en) => {
    expect([formatAmount(value, 'zh'), formatAmount(value, 'en')]).toEqual([zh, en]);
  });

  it('writes about and at most the way the seed does', () => {
    expect(formatAmount(200_000_000, 'zh', { approximate: true })).toBe('約2億元');
    expect(formatAmount(200_000_000, 'en', { approximate: true })).toBe('~$200M');
    expect(formatAmount(1_000_000, 'zh', { max: true })).toBe('最高100萬元');
    expect(formatAmount(1_000_000, 'en', { max: true })).toBe('up to $1M');
  });

  it('gives the full figure for messages', () => {
    expect(formatHkd(200_000_000)).toBe('HK$200,000,000');
  });
});

describe('chineseNumeral', () => {
  it.each<[number, string]>([
    [500_000, '五十萬'],
    [1_000_000, '一百萬'],
    [3000, '三千'],
    [105, '一百零五'],
    [15, '十五'],
    [100_010, '十萬零一十'],
    [200_000_000, '二億'],
    [100_005_000, '一億零五千'],
    [1e12, '一萬億'],
  ])('%d → %s', (n, zh) => {
    expect(chineseNumeral(n)).toBe(zh);
  });
});
