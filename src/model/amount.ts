/**
 * Amounts of money in free text, both ways: `parseAmounts` finds them in Chinese or English
 * wording, `formatAmount` writes one. They round-trip: parse(format(x)) gives back x.
 *
 * Canonical forms written by `formatAmount` (the parser accepts many more):
 *   zh  Arabic digits with the largest of 萬億 / 億 / 萬 that leaves at most two decimals, then 元:
 *       2億元, 2.65億元, 5,000萬元, 50萬元, 9,999元, 12,345,678元; 約 for about, 最高 for a maximum,
 *       逾 for over, 至少 for at least; 人民幣 / 美元 for RMB and US dollars (人民幣1億元, 1億美元).
 *       (Intl.NumberFormat('zh-Hant-HK', { notation: 'compact' }) would write "200M", not 2億.)
 *   en  $ with the largest of B / M that leaves at most two decimals: $200M, $2.65B, $1.5M,
 *       $500,000, $1,234,567; ~ for about, "up to" for a maximum, "over", "at least"; RMB / US$.
 * Amounts are kept to the cent, in their own currency (HKD unless the wording says otherwise).
 */
export type AmountLang = 'zh' | 'en';

/** HKD unless the wording names another: 人民幣 / RMB, 美元 / US$. */
export const CURRENCIES = ['HKD', 'USD', 'RMB'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface Amount {
  /** In `currency`. */
  value: number;
  /** The wording says about: 約 / 大約, ~ / about. */
  approximate: boolean;
  /** The wording gives a ceiling: 最高 / 最多 / 上限 / 不多於, up to / Max. / cap / not more than. */
  max: boolean;
  /** The wording says more than: 逾 / 超過 / 2億多元, over / more than. */
  over: boolean;
  /** The wording gives a floor: 至少 / 不少於, at least / no less than. */
  min: boolean;
  currency: Currency;
  /** One end of a range (20萬至100萬元, $200,000 to $1M), or undefined for a lone amount. */
  range: 'from' | 'to' | undefined;
  /** The amount as written, with its currency: `2億元`, `$200M`, `4億` (whose 元 comes later). */
  raw: string;
  /** Where `raw` starts in the text. */
  index: number;
}

export interface AmountFlags {
  approximate?: boolean;
  max?: boolean;
  over?: boolean;
  min?: boolean;
  currency?: Currency;
}

export { parseAmounts } from './amount-parse.js';
export { formatAmount, formatHkd, formatMoney } from './amount-format.js';
export { parseRatios, ratioKey } from './amount-ratio.js';
export type { Ratio } from './amount-ratio.js';
