/**
 * Amounts of money in free text, both ways: `parseAmounts` finds them in Chinese or English
 * wording, `formatAmount` writes one. They round-trip: parse(format(x)) gives back x.
 *
 * Canonical forms written by `formatAmount` (the parser accepts many more):
 *   zh  Arabic digits with the largest of 萬億 / 億 / 萬 that leaves at most two decimals, then 元:
 *       2億元, 2.65億元, 5,000萬元, 50萬元, 9,999元, 12,345,678元; 約 for about, 最高 for a maximum.
 *       (Intl.NumberFormat('zh-Hant-HK', { notation: 'compact' }) would write "200M", not 2億.)
 *   en  $ with the largest of B / M that leaves at most two decimals: $200M, $2.65B, $1.5M,
 *       $500,000, $1,234,567; ~ for about, "up to" for a maximum.
 * Amounts are HKD and kept to the cent.
 */
export type AmountLang = 'zh' | 'en';

export interface Amount {
  /** In HKD. */
  value: number;
  /** The wording says about: 約 / 大約, ~ / about. */
  approximate: boolean;
  /** The wording gives a ceiling: 最高 / 最多 / 上限, up to / Max. */
  max: boolean;
  /** The amount as written, with its currency: `2億元`, `$200M`, `4億` (whose 元 comes later). */
  raw: string;
  /** Where `raw` starts in the text. */
  index: number;
}

export interface AmountFlags {
  approximate?: boolean;
  max?: boolean;
}

export { parseAmounts } from './amount-parse.js';
export { formatAmount, formatHkd } from './amount-format.js';
