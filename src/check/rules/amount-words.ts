import type { Amount } from '../../model/amount.js';
import { formatHkd } from '../../model/amount.js';
import { groupDigits } from '../../model/decimal.js';
import type { Funding } from '../../schema/funding.js';
import type { Lang } from '../types.js';

/** Comparing amounts and saying how they differ, in words a translator reads. @internal */

/** The same HKD values, each as often, in any order. */
export function sameValues(a: readonly Pick<Amount, 'value'>[], b: readonly Pick<Amount, 'value'>[]): boolean {
  const sa = a.map((x) => x.value).sort((x, y) => x - y);
  const sb = b.map((x) => x.value).sort((x, y) => x - y);
  return sa.length === sb.length && sa.every((v, i) => v === sb[i]);
}

/** `English says $20M`, `Chinese says 2億元 (HK$200,000,000)`, `English states no amount`. */
export function says(lang: Lang, amounts: readonly Amount[]): string {
  const who = lang === 'zh' ? 'Chinese' : 'English';
  if (amounts.length === 0) return `${who} states no amount`;
  return `${who} says ${written(lang, amounts)}`;
}

/** `$400M and $110M`; Chinese with the full figure, since its multipliers are what a reviewer misreads. */
export function written(lang: Lang, amounts: readonly Amount[]): string {
  return list(amounts.map((a) => (lang === 'zh' ? `${a.raw} (${formatHkd(a.value)})` : a.raw)));
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** `200,000,000`, `6,000,000,000 (out of 10,000,000,000)` */
export function stored(funding: Pick<Funding, 'amounts' | 'outOf'>): string {
  const n = (v: number) => groupDigits(String(v));
  const out = funding.outOf === undefined ? '' : ` (out of ${n(funding.outOf)})`;
  return `${list(funding.amounts.map(n))}${out}`;
}

/** 約 / ~ and 最高 / up to on one side only, for amounts both sides state. */
export function flagProblems(zh: readonly Amount[], en: readonly Amount[]): { lang: Lang; message: string }[] {
  const byValue = (a: Amount, b: Amount) => a.value - b.value;
  const zs = [...zh].sort(byValue);
  const es = [...en].sort(byValue);
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
  });
  return out;
}

/** The funding line's stored `approximate` against its wording. */
export function approximateProblems(zh: readonly Amount[], en: readonly Amount[], approximate: boolean): string[] {
  const worded = [...zh, ...en].some((a) => a.approximate);
  if (worded && !approximate) return ['The wording says about (約 / ~) but the stored amount is marked exact; set "approximate: true".'];
  if (!worded && approximate) return ['The stored amount is marked approximate but the wording has neither 約 nor ~; add them, or remove "approximate: true".'];
  return [];
}
