import type { AmountFlags, AmountLang } from './amount.js';
import { centsOf, decimalToString, groupDigits } from './decimal.js';

/** Largest unit first; used when the amount in that unit has at most two decimals. */
const UNITS: Readonly<Record<AmountLang, readonly (readonly [bigint, string])[]>> = {
  zh: [[10n ** 12n, '萬億'], [10n ** 8n, '億'], [10n ** 4n, '萬']],
  en: [[10n ** 9n, 'B'], [10n ** 6n, 'M']],
};

/**
 * An amount in HKD as the deck's wording writes it (see amount.ts for the canonical forms):
 * formatAmount(265000000, 'zh') → 2.65億元; formatAmount(200000000, 'en', { approximate: true }) → ~$200M.
 */
export function formatAmount(value: number, lang: AmountLang, flags: AmountFlags = {}): string {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`not an amount: ${value}`);
  const cents = centsOf(value);
  let figure = groupDigits(centsToString(cents));
  let unit = '';
  for (const [size, name] of UNITS[lang]) {
    // At most two decimals in this unit: cents × 100 / (size × 100) has no remainder.
    if (cents >= size * 100n && cents % size === 0n) {
      figure = groupDigits(centsToString(cents / size));
      unit = name;
      break;
    }
  }
  if (lang === 'zh') return `${flags.max ? '最高' : ''}${flags.approximate ? '約' : ''}${figure}${unit}元`;
  return `${flags.max ? 'up to ' : ''}${flags.approximate ? '~' : ''}$${figure}${unit}`;
}

/** The full figure, for messages: HK$200,000,000. */
export function formatHkd(value: number): string {
  return `HK$${groupDigits(centsToString(centsOf(value)))}`;
}

function centsToString(cents: bigint): string {
  // decimalToString works in millionths; cents are hundredths.
  return decimalToString(cents * 10n ** 4n);
}
