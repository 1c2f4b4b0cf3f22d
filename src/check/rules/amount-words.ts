import type { Amount, Currency } from '../../model/amount.js';
import { formatMoney } from '../../model/amount.js';
import { groupDigits } from '../../model/decimal.js';
import type { Funding } from '../../schema/funding.js';
import type { Lang } from '../types.js';

/** Comparing amounts and saying how they differ, in words a translator reads. @internal */

type Money = Pick<Amount, 'value' | 'currency'>;

const key = (a: Money) => `${a.currency} ${a.value}`;
const byValue = (a: Money, b: Money) => a.value - b.value || a.currency.localeCompare(b.currency);

/** The same values in the same currencies, each as often, in any order. */
export function sameValues(a: readonly Money[], b: readonly Money[]): boolean {
  const sa = [...a].sort(byValue).map(key);
  const sb = [...b].sort(byValue).map(key);
  return sa.length === sb.length && sa.every((v, i) => v === sb[i]);
}

/** The same numbers, currencies aside: 1億美元 and $100M. */
export function sameNumbers(a: readonly Money[], b: readonly Money[]): boolean {
  return sameValues(a.map((x) => ({ ...x, currency: 'HKD' })), b.map((x) => ({ ...x, currency: 'HKD' })));
}

/** The same values in the same order: what 分別 / "respectively" asks for. */
export function sameOrder(a: readonly Money[], b: readonly Money[]): boolean {
  return a.length === b.length && a.every((x, i) => b[i] !== undefined && key(x) === key(b[i]));
}

/** `English says $20M`, `Chinese says 2億元 (HK$200,000,000)`, `English states no amount`. */
export function says(lang: Lang, amounts: readonly Amount[]): string {
  const who = lang === 'zh' ? 'Chinese' : 'English';
  if (amounts.length === 0) return `${who} states no amount`;
  return `${who} says ${written(lang, amounts)}`;
}

/** `$400M and $110M`; Chinese with the full figure, since its multipliers are what a reviewer misreads. */
export function written(lang: Lang, amounts: readonly Amount[]): string {
  return list(amounts.map((a) => (lang === 'zh' ? `${a.raw} (${formatMoney(a.value, a.currency)})` : a.raw)));
}

export const CURRENCY_NAME: Readonly<Record<Currency, string>> = {
  HKD: 'Hong Kong dollars (元 / HK$)',
  USD: 'US dollars (美元 / US$)',
  RMB: 'renminbi (人民幣 / RMB)',
};

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** `200,000,000`, `6,000,000,000 (out of 10,000,000,000)`, `100,000,000 (USD)` */
export function stored(funding: Pick<Funding, 'amounts' | 'outOf' | 'currency'>): string {
  const n = (v: number) => groupDigits(String(v));
  const out = funding.outOf === undefined ? '' : ` (out of ${n(funding.outOf)})`;
  const currency = funding.currency === 'HKD' ? '' : ` (${funding.currency})`;
  return `${list(funding.amounts.map(n))}${out}${currency}`;
}

interface Qualifier {
  has: (a: Amount) => boolean;
  zh: string;
  en: string;
  addZh: string;
  addEn: string;
}

/** What the wording says about an amount, with how each language writes it. */
const QUALIFIERS: readonly Qualifier[] = [
  { has: (a) => a.over, zh: 'over (逾 / 多)', en: 'over ("over" / "more than")', addZh: 'add 逾 or 超過', addEn: 'add "over" or "more than"' },
  { has: (a) => a.min, zh: 'at least (至少)', en: 'at least ("at least")', addZh: 'add 至少 or 不少於', addEn: 'add "at least"' },
  { has: (a) => a.range !== undefined, zh: 'a range (至)', en: 'a range ("to")', addZh: 'write it as a range (20萬至100萬元)', addEn: 'write it as a range ($200,000 to $1M)' },
];

/**
 * 約 / ~, 最高 / up to, 逾 / over, 至少 / at least and ranges on one side only, for amounts both
 * sides state; paired by value, or in order when the text says 分別 / respectively.
 */
export function flagProblems(zh: readonly Amount[], en: readonly Amount[], inOrder = false): { lang: Lang; message: string }[] {
  const zs = inOrder ? [...zh] : [...zh].sort(byValue);
  const es = inOrder ? [...en] : [...en].sort(byValue);
  const out: { lang: Lang; message: string }[] = [];
  zs.forEach((z, i) => {
    const e = es[i];
    if (!e) return;
    const pair = `Chinese ${z.raw}, English ${e.raw}`;
    if (z.approximate && !e.approximate) {
      out.push({ lang: 'en', message: `Chinese says about (約) but English gives an exact figure (${pair}); add "~" or "about", or drop 約.` });
    } else if (e.approximate && !z.approximate) {
      out.push({ lang: 'zh', message: `English says about (~) but Chinese gives an exact figure (${pair}); add 約, or drop the "~" / "about".` });
    }
    if (z.max && !e.max) {
      out.push({ lang: 'en', message: `Chinese gives a ceiling (最高 / 最多) but English does not (${pair}); add "up to" or "Max.".` });
    } else if (e.max && !z.max) {
      out.push({ lang: 'zh', message: `English gives a ceiling ("up to" / "Max.") but Chinese does not (${pair}); add 最高 or 最多.` });
    }
    for (const q of QUALIFIERS) {
      if (q.has(z) && !q.has(e)) out.push({ lang: 'en', message: `Chinese says ${q.zh} but English does not (${pair}); ${q.addEn}.` });
      else if (q.has(e) && !q.has(z)) out.push({ lang: 'zh', message: `English says ${q.en} but Chinese does not (${pair}); ${q.addZh}.` });
    }
  });
  // One finding per thing said: both ends of a range, or every amount after 約 in a list, say it once.
  return out.filter((p, i) => out.findIndex((q) => q.lang === p.lang && q.message.split(' (Chinese')[0] === p.message.split(' (Chinese')[0]) === i);
}

/** The funding line's stored `approximate`, `ceiling`, `over` and `range` against its wording. */
export function storedFlagProblems(zh: readonly Amount[], en: readonly Amount[], funding: Funding): { field: string; message: string }[] {
  const all = [...zh, ...en];
  const out: { field: string; message: string }[] = [];
  const worded = all.some((a) => a.approximate);
  if (worded && !funding.approximate) out.push({ field: 'approximate', message: 'The wording says about (約 / ~) but the stored amount is marked exact; set "approximate: true".' });
  if (!worded && funding.approximate) out.push({ field: 'approximate', message: 'The stored amount is marked approximate but the wording has neither 約 nor ~; add them, or remove "approximate: true".' });
  const fields = [
    { field: 'ceiling', on: funding.ceiling, has: (a: Amount) => a.max, what: 'a ceiling (最高 / 上限 / 不多於, "up to" / "cap" / "not more than")' },
    { field: 'over', on: funding.over, has: (a: Amount) => a.over, what: 'more than (逾 / 多, "over" / "more than")' },
    { field: 'range', on: funding.range, has: (a: Amount) => a.range !== undefined, what: 'a range (20萬至100萬元, "$200,000 to $1M")' },
  ];
  for (const f of fields) {
    const inZh = zh.some(f.has);
    const inEn = en.some(f.has);
    if (inZh && inEn && !f.on) out.push({ field: f.field, message: `Both languages say ${f.what} but the stored amounts do not; set "${f.field}: true".` });
    // One language alone saying it is a difference between the languages, flagged there.
    if (!inZh && !inEn && f.on) out.push({ field: f.field, message: `The stored amounts are marked "${f.field}: true" but neither language says ${f.what}; add it to the wording, or remove "${f.field}: true".` });
  }
  return out;
}
