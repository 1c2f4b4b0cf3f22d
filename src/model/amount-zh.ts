import type { Currency } from './amount.js';
import { before, clauseStart } from './amount-scan.js';
import type { Candidate } from './amount-scan.js';
import { chineseNumberValue } from './zh-numerals.js';

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/**
 * A number the Chinese way: Arabic digits or Chinese numerals, with multipliers. Not after a
 * Latin letter or digit (Web3, G20), nor after 數 / 幾 (數十億元 is "billions", not a figure);
 * spaces only before a multiplier (2 億), so that "2023 / 24" and "1 : 1" stay apart.
 */
const NUMBER = new RegExp(
  String.raw`(?<![A-Za-z\d.數幾])(?:${NUM}|[零〇一二兩三四五六七八九十])(?:[ \u00A0]?[十百千萬億]|[零〇一二兩三四五六七八九]|${NUM})*`,
  'g',
);
/**
 * 元 as in 5億元, not as in 元素, 元宇宙, 元朗, 一元化, 元年; 美元, 港元, 人民幣 name the currency.
 * 多 between the figure and 元 (2億多元) means "more than".
 */
const CURRENCY_AFTER = /^[ \u00A0]?(多)?(港元|港幣|美元|元人民幣|人民幣|元|圓)(?![素件宇朗首旦年化論氣音老帥])/;
const CURRENCY_BEFORE = /(港幣|港元|HK\$|US\$|美元|人民幣|RMB|\$)[ \u00A0]?$/;
const CURRENCY_OF: Readonly<Record<string, Currency>> = {
  港元: 'HKD', 港幣: 'HKD', 'HK$': 'HKD', 元: 'HKD', 圓: 'HKD', $: 'HKD',
  美元: 'USD', 'US$': 'USD', 人民幣: 'RMB', 元人民幣: 'RMB', RMB: 'RMB',
};
/** 5G, 3D, 50%: a number glued to these is not an amount. */
const NOT_AMOUNT_AFTER = /^[A-Za-z%％‰]/;
/** A count of things (3萬人, 14億人口, 2萬名): not money even near a money word. */
const COUNTER_AFTER = /^[ \u00A0]?[人名個位間宗項次年月日天隻架部條座家所件本張份戶股噸米呎歲倍]/;
const MONEY_WORD = /撥款|預留|撥出|投放|注資|資助|款項|資金|經費|開支|預算|成本|投資|撥備|津貼|補貼|貸款|收入|收益|金額|費用|總額|基金/;
/** 約 / 大約 / 大概 right before the amount; not the 約 of 合約, 條約, 預約, 簽約…. */
const APPROX_BEFORE = /(?:大約|大概|(?<![合條簽預公契節制違邀特立和隱履])約)(?:為|達|有)?[ \u00A0]*$/;
const APPROX_AFTER = /^[ \u00A0]*(?:左右|上下)/;
/** A ceiling anywhere earlier in the clause: 最高資助額五十萬元, 上限為50萬元, 不多於2億元. */
const MAX = /最高|最多|上限|不超過|不超逾|不多於|不高於|高達|封頂/;
/** More than, right before the amount (逾350億元, 超過2億元) or after it (2億多元, 2億元以上). */
const OVER_BEFORE = /(?:逾|超逾|(?<!不)超過|(?<!不)多於|(?<!不)高於)(?:為|達)?(?:大約|約)?[ \u00A0]*$/;
const OVER_AFTER = /^[ \u00A0]*以上/;
/** At least, right before the amount: 至少2億元, 不少於2億元. */
const MIN_BEFORE = /(?:至少|最少|最低|不少於|不低於|起碼)(?:為|達)?(?:大約|約)?[ \u00A0]*$/;
const CLAUSE = /[，。；：！？,;:!?\n（）()]/g;
const SCALE: Readonly<Record<string, bigint>> = { 十: 10n, 百: 100n, 千: 1000n, 萬: 10n ** 4n, 億: 10n ** 8n };

/**
 * Chinese wording counts as money only with 元 (or 港元 / 港幣 / HK$ / 美元 / 人民幣), or a 萬 / 億
 * figure in a clause about money (撥款30億); years (2022年, 2023/24年度), months, dates, list
 * numbers (四個工作小組, 十四五, 八大) and ratios (1 : 1, 一比二) are not amounts.
 * @internal
 */
export function scanChinese(text: string): Candidate[] {
  const found: Candidate[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    const numberEnd = start + m[0].length;
    const after = text.slice(numberEnd);
    if (NOT_AMOUNT_AFTER.test(after)) continue;
    const value = chineseNumberValue(m[0]);
    if (value === undefined) continue;
    const prefix = CURRENCY_BEFORE.exec(before(text, start));
    const suffix = CURRENCY_AFTER.exec(after);
    const lead = prefix ? start - prefix[0].length : start;
    const end = numberEnd + (suffix?.[0].length ?? 0);
    const clause = clauseStart(text, lead, CLAUSE);
    const trailing = /[十百千萬億]+$/.exec(m[0])?.[0];
    const bigUnit = /[萬億]/.test(m[0]);
    const moneyContext = bigUnit && MONEY_WORD.test(text.slice(clause, lead)) && !COUNTER_AFTER.test(after);
    // 人民幣1億元: the prefix names the currency, the 元 after it is only the unit.
    const named = prefix?.[1] !== undefined && prefix[1] !== '$' ? prefix[1] : suffix?.[2];
    const lead16 = before(text, lead);
    found.push({
      lead,
      end,
      value,
      scale: trailing ? [...trailing].reduce((s, ch) => s * (SCALE[ch] ?? 1n), 1n) : undefined,
      bare: /^[\d,.]+$/.test(m[0]),
      currency: prefix ? 'before' : suffix ? 'after' : 'none',
      unit: named === undefined ? (prefix ? 'HKD' : undefined) : CURRENCY_OF[named],
      money: !!prefix || !!suffix || moneyContext,
      approximate: APPROX_BEFORE.test(lead16) || APPROX_AFTER.test(text.slice(end)),
      max: MAX.test(text.slice(Math.max(clause, previousEnd), lead)),
      over: OVER_BEFORE.test(lead16) || suffix?.[1] === '多' || OVER_AFTER.test(text.slice(end)),
      min: MIN_BEFORE.test(lead16),
    });
    previousEnd = end;
  }
  return found;
}
