import type { AmountLang } from './amount.js';
import { halfWidthDigits } from './amount-scan.js';
import { chineseNumberValue } from './zh-numerals.js';
import { decimalToNumber } from './decimal.js';

/** A ratio as written (`一比二`, `1:1`, `1-to-1`) and its terms: 1:2 is [1, 2]. */
export interface Ratio {
  terms: [number, number];
  raw: string;
  index: number;
}

const ZH_TERM = String.raw`\d+(?:\.\d+)?|[一二兩三四五六七八九十]+`;
/** 一比二, 1比1, 1 : 1, 1：1 (the Chinese colon). */
const ZH = new RegExp(String.raw`(?<![\d.:])(${ZH_TERM})[ \u00A0]*(?:比|:|：)[ \u00A0]*(${ZH_TERM})(?![\d:])`, 'g');
const EN_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const EN_TERM = String.raw`\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten`;
/** 1:1, 1 : 2, 1-to-1, one-to-one, "1 to 2 matching"; not times (10:30 has two digits after). */
const EN = new RegExp(String.raw`(?<![\w.:])(${EN_TERM})(?:\s*:\s*|-to-)(${EN_TERM})(?![\w:])`, 'gi');

/**
 * The ratios a text states, for comparing as ratios: 一比二 is 1:2 whatever the digits, and
 * 1:2 is 2:4. Amounts, dates and times are not ratios here: "2023/24" has no colon, and a
 * clock time such as 10:30 is left alone because its second term has two digits and the first
 * is not followed by 比 (a ratio of 10:30 would be written 1:3).
 */
export function parseRatios(text: string, lang: AmountLang): Ratio[] {
  const plain = halfWidthDigits(text);
  const out: Ratio[] = [];
  for (const m of plain.matchAll(lang === 'zh' ? ZH : EN)) {
    const a = term(m[1] ?? '', lang);
    const b = term(m[2] ?? '', lang);
    if (a === undefined || b === undefined || a === 0 || b === 0) continue;
    // "10:30" is a time; ratios in briefings are small (1:1, 1:2, 3:7).
    if (/^\d{2}$/.test(m[2] ?? '') && !/比|to/i.test(m[0])) continue;
    out.push({ terms: [a, b], raw: text.slice(m.index, m.index + m[0].length), index: m.index });
  }
  return out;
}

/** The ratio in lowest terms, as a key: 2:4 → "1:2". */
export function ratioKey(r: Ratio): string {
  const [a, b] = r.terms;
  const scale = 1e6;
  const x = Math.round(a * scale);
  const y = Math.round(b * scale);
  const g = gcd(x, y);
  return `${x / g}:${y / g}`;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function term(text: string, lang: AmountLang): number | undefined {
  if (/^\d/.test(text)) return Number(text);
  if (lang === 'en') return EN_WORDS[text.toLowerCase()];
  const v = chineseNumberValue(text);
  return v === undefined ? undefined : decimalToNumber(v);
}
