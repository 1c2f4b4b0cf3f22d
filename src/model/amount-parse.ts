import type { Amount, AmountLang } from './amount.js';
import { scanEnglish } from './amount-en.js';
import { decimalToNumber } from './decimal.js';
import { scanChinese } from './amount-zh.js';

/** What joins two amounts of one list or range: 4億及1.1億元, $400M and $110M, $1-2B. */
const JOINER: Readonly<Record<AmountLang, RegExp>> = {
  zh: /^\s*(?:及|和|與|、|或|至|到|-|–|－|～|~)\s*$/,
  en: /^\s*(?:,|and|or|to|&|-|–)\s*$/i,
};

/** Every amount of money in `text`, in order. The text is plain (markdown already removed). */
export function parseAmounts(text: string, lang: AmountLang): Amount[] {
  const found = lang === 'zh' ? scanChinese(text) : scanEnglish(text);
  const linked = found.map((c, i) => {
    const next = found[i + 1];
    return next !== undefined && JOINER[lang].test(text.slice(c.end, next.lead));
  });
  // Right to left: the 元 and the multiplier at the end of a list belong to all of it
  // (分別投放4億及1.1億元: two amounts; 1至2億元: 1億 to 2億).
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
    c.money = true;
  }
  // Left to right: 約 / 最高 in front of a list qualify every amount in it.
  found.forEach((c, i) => {
    const next = found[i + 1];
    if (next && linked[i]) {
      next.approximate ||= c.approximate;
      next.max ||= c.max;
    }
  });
  return found
    .filter((c) => c.money)
    .map((c) => ({
      value: decimalToNumber(c.value),
      approximate: c.approximate,
      max: c.max,
      raw: text.slice(c.lead, c.end),
      index: c.lead,
    }));
}
