import type { Amount, AmountLang } from './amount.js';
import { scanEnglish } from './amount-en.js';
import { halfWidthDigits } from './amount-scan.js';
import { decimalToNumber } from './decimal.js';
import { scanChinese } from './amount-zh.js';

/** What joins two amounts of one list or range: 4億及1.1億元, $400M and $110M, $1-2B. */
const JOINER: Readonly<Record<AmountLang, RegExp>> = {
  zh: /^\s*(?:及|和|與|、|或|至|到|-|–|－|～|~)\s*$/,
  en: /^\s*(?:,|and|or|to|&|-|–)\s*$/i,
};
/** The joiners that make the pair a range (20萬至100萬元, $200,000 to $1M), not a list. */
const RANGE: Readonly<Record<AmountLang, RegExp>> = {
  zh: /^\s*(?:至|到|-|–|－|～|~)\s*$/,
  en: /^\s*(?:to|-|–)\s*$/i,
};

/**
 * Every amount of money in `text`, in order. The text is plain (markdown already removed).
 * Full-width digits (３億) are read as digits: the amount is there, typography flags the width.
 */
export function parseAmounts(text: string, lang: AmountLang): Amount[] {
  const plain = halfWidthDigits(text);
  const found = lang === 'zh' ? scanChinese(plain) : scanEnglish(plain);
  const between = (i: number) => {
    const c = found[i];
    const next = found[i + 1];
    return c && next ? plain.slice(c.end, next.lead) : undefined;
  };
  const linked = found.map((_, i) => {
    const gap = between(i);
    return gap !== undefined && JOINER[lang].test(gap);
  });
  // Right to left: the 元 and the multiplier at the end of a list belong to all of it
  // (分別投放4億及1.1億元: two amounts; 1至2億元: 1億 to 2億; 4億及1.1億美元: both in US$).
  for (let i = found.length - 2; i >= 0; i--) {
    const c = found[i];
    const next = found[i + 1];
    if (!c || !next || !linked[i] || !next.money) continue;
    // One currency sign for the pair: 1至2億元 (元 after both), $1-2B ($ before both).
    const oneSign = (c.currency === 'none' && next.currency === 'after') || (c.currency === 'before' && next.currency === 'none');
    if (c.bare && oneSign && next.scale !== undefined) {
      c.value *= next.scale;
      c.scale = next.scale;
      c.bare = false;
    }
    c.unit ??= next.unit;
    c.money = true;
  }
  // Left to right: 約 / 最高 / 逾 in front of a list qualify every amount in it.
  found.forEach((c, i) => {
    const next = found[i + 1];
    if (next && linked[i]) {
      next.approximate ||= c.approximate;
      next.max ||= c.max;
      next.over ||= c.over;
      next.min ||= c.min;
    }
  });
  // A range is a pair: in "$1M to $2M and $3M to $4M" the $2M does not start another one.
  const role: (Amount['range'])[] = found.map(() => undefined);
  found.forEach((c, i) => {
    const gap = between(i);
    if (role[i] === undefined && c.money && found[i + 1]?.money && gap !== undefined && RANGE[lang].test(gap)) {
      role[i] = 'from';
      role[i + 1] = 'to';
    }
  });
  return found.flatMap((c, i) =>
    c.money
      ? [{
          value: decimalToNumber(c.value),
          approximate: c.approximate,
          max: c.max,
          over: c.over,
          min: c.min,
          currency: c.unit ?? 'HKD',
          range: role[i],
          raw: text.slice(c.lead, c.end),
          index: c.lead,
        }]
      : [],
  );
}
