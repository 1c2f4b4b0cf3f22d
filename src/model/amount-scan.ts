import type { Currency } from './amount.js';
import type { Decimal } from './decimal.js';

/** A number found by a language's scanner, before parseAmounts' list rules decide what it is. @internal */
export interface Candidate {
  /** Start of the currency prefix (HK$, 港幣), or of the number. */
  lead: number;
  /** End of the number, its multiplier and any currency suffix (元). */
  end: number;
  value: Decimal;
  /** The trailing multiplier (億 → 10⁸, M → 10⁶), which a bare number before it may share. */
  scale: bigint | undefined;
  /** A plain number with no multiplier: `1` in 1至2億元 or $1-2B. */
  bare: boolean;
  /** Where its currency is written: $200M (before), 2億元 (after), or not at all (4億 in 4億及1.1億元). */
  currency: 'before' | 'after' | 'none';
  /** The currency the wording names, or undefined when it names none here (4億 of 4億及1.1億美元). */
  unit: Currency | undefined;
  money: boolean;
  approximate: boolean;
  max: boolean;
  over: boolean;
  min: boolean;
}

/** Full-width digits (３億) read as the digits they are; typography flags the width separately. */
export function halfWidthDigits(text: string): string {
  // Same length in UTF-16, so positions found in the converted text hold in the original.
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Qualifiers are looked for this far back at most: a slide's clause is shorter, and long texts stay linear. */
export const LOOK_BACK = 120;

/**
 * Where the clause holding position `at` starts, for qualifiers such as 最高 or "Max." that can
 * stand a few words before their amount (最高資助額五十萬元, Max. grant at $500,000). @internal
 */
export function clauseStart(text: string, at: number, boundary: RegExp): number {
  const from = Math.max(0, at - LOOK_BACK);
  let start = from;
  for (const m of text.slice(from, at).matchAll(boundary)) start = from + m.index + m[0].length;
  return start;
}

/** The text just before `at`, for "約 right before the amount" tests. @internal */
export function before(text: string, at: number): string {
  return text.slice(Math.max(0, at - 16), at);
}
