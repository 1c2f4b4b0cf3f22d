import type { AmountFlags, AmountLang, Currency } from './amount.js';
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
  const currency = flags.currency ?? 'HKD';
  if (lang === 'zh') {
    const lead = `${flags.max ? '最高' : ''}${flags.min ? '至少' : ''}${flags.over ? '逾' : ''}${flags.approximate ? '約' : ''}`;
    return `${lead}${currency === 'RMB' ? '人民幣' : ''}${figure}${unit}${currency === 'USD' ? '美元' : '元'}`;
  }
  const lead = `${flags.max ? 'up to ' : ''}${flags.min ? 'at least ' : ''}${flags.over ? 'over ' : ''}${flags.approximate ? '~' : ''}`;
  return `${lead}${EN_SIGN[currency]}${figure}${unit}`;
}

const EN_SIGN: Readonly<Record<Currency, string>> = { HKD: '$', USD: 'US$', RMB: 'RMB' };
const FULL_SIGN: Readonly<Record<Currency, string>> = { HKD: 'HK$', USD: 'US$', RMB: 'RMB' };

/** The full figure, for messages: HK$200,000,000. */
export function formatHkd(value: number): string {
  return formatMoney(value, 'HKD');
}

/** The full figure in its currency, for messages: HK$200,000,000, US$100,000,000, RMB100,000,000. */
export function formatMoney(value: number, currency: Currency): string {
  return `${FULL_SIGN[currency]}${groupDigits(centsToString(centsOf(value)))}`;
}

function centsToString(cents: bigint): string {
  // decimalToString works in millionths; cents are hundredths.
  return decimalToString(cents * 10n ** 4n);
}
