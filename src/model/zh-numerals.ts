import { ONE, parseDecimal } from './decimal.js';
import type { Decimal } from './decimal.js';

/**
 * Chinese numbers as they appear in amounts: Chinese numerals (五十萬, 一百萬, 兩億), Arabic
 * digits with Chinese multipliers (5千萬, 1.1億, 1億2,000萬), and mixtures of both.
 * @internal
 */

const DIGIT: Readonly<Record<string, bigint>> = {
  零: 0n, 〇: 0n, 一: 1n, 二: 2n, 兩: 2n, 三: 3n, 四: 4n, 五: 5n, 六: 6n, 七: 7n, 八: 8n, 九: 9n,
};
const SMALL: Readonly<Record<string, bigint>> = { 十: 10n, 百: 100n, 千: 1000n };
const WAN = 10n ** 4n;
const YI = 10n ** 8n;

const TOKEN = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|([零〇一二兩三四五六七八九])|([十百千])|([萬億])|\s/y;

/**
 * The value of a number written the Chinese way, in millionths; undefined when the text is not
 * one number (two digits in a row, as in 十四五 or 二〇二三, are a name or a year, not an amount).
 */
export function chineseNumberValue(text: string): Decimal | undefined {
  let total = 0n; // whole 億 groups (and 萬億)
  let wan = 0n; // the 萬 group, already multiplied out
  let section = 0n; // below 萬
  let num: Decimal | undefined;
  let seen = false;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    const [, arabic, digit, small, big] = m;
    if (arabic !== undefined || digit !== undefined) {
      const value = arabic !== undefined ? parseDecimal(arabic) : (DIGIT[digit ?? ''] ?? 0n) * ONE;
      // 零 is a place holder (一百零五), not a digit of its own.
      if (digit === '零' && num === undefined && seen) continue;
      if (num !== undefined) return undefined;
      num = value;
      seen = true;
    } else if (small !== undefined) {
      const unit = SMALL[small] ?? 1n;
      // A bare 十 means one ten (十五 = 15); a bare 百 or 千 is not a number.
      if (num === undefined && small !== '十') return undefined;
      section += (num ?? ONE) * unit;
      num = undefined;
      seen = true;
    } else if (big !== undefined) {
      if (!seen) return undefined;
      if (big === '萬') {
        const x = section + (num ?? 0n);
        if (x === 0n) return undefined;
        wan += x * WAN;
      } else {
        const x = wan + section + (num ?? 0n);
        if (x === 0n) return undefined;
        total += x * YI;
        wan = 0n;
      }
      section = 0n;
      num = undefined;
    }
  }
  if (!seen) return undefined;
  return total + wan + section + (num ?? 0n);
}

const NUMERAL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const PLACE = ['', '十', '百', '千'];
const GROUP = ['', '萬', '億', '萬億'];

/**
 * A whole number in Chinese numerals: 500000 → 五十萬, 105 → 一百零五, 200000000 → 二億.
 * Up to 10¹⁶ − 1 (萬億 is the largest group unit in use in Hong Kong).
 */
export function chineseNumeral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e16) throw new RangeError(`cannot write ${n} in Chinese numerals`);
  if (n === 0) return '零';
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000);
  let out = '';
  let gap = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const value = groups[g] ?? 0;
    if (value === 0) {
      gap = out !== '';
      continue;
    }
    if (out && (gap || value < 1000)) out += '零';
    out += groupNumeral(value, out === '') + (GROUP[g] ?? '');
    gap = false;
  }
  return out;
}

function groupNumeral(value: number, leading: boolean): string {
  let out = '';
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(value / 10 ** p) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    // 十五, not 一十五, at the start of a number.
    if (!(leading && out === '' && p === 1 && d === 1)) out += NUMERAL[d] ?? '';
    out += PLACE[p] ?? '';
  }
  return out;
}
