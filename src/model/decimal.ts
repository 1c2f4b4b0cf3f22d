/**
 * Exact decimal arithmetic for amounts: a value is a bigint of millionths. 2.65 × 10⁸ computed
 * in floating point is 265000000.00000003; in millionths it is exact, and turning the result
 * into a number goes through its decimal string, so it lands on the nearest double every time.
 * @internal
 */
export type Decimal = bigint;

const PLACES = 6;
export const ONE: Decimal = 10n ** BigInt(PLACES);

export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** `1,234.5` → 1234500000n. Digits past the sixth decimal are dropped. */
export function parseDecimal(text: string): Decimal {
  const [int = '0', frac = ''] = text.replace(/,/g, '').split('.');
  return BigInt(int || '0') * ONE + BigInt(frac.slice(0, PLACES).padEnd(PLACES, '0'));
}

export function decimalToNumber(d: Decimal): number {
  return Number(decimalToString(d));
}

/** Plain decimal digits, no grouping, no trailing zeros: 2650000n → "2.65". */
export function decimalToString(d: Decimal): string {
  const int = d / ONE;
  const frac = (d % ONE).toString().padStart(PLACES, '0').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : `${int}`;
}

/** A number as millionths; amounts are rounded to the cent first (HKD has no smaller unit). */
export function centsOf(value: number): bigint {
  return BigInt(Math.round(value * 100));
}

/** `1234567.5` → `1,234,567.5`: thousands separators on the whole part only. */
export function groupDigits(plain: string): string {
  const [int = '', frac] = plain.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}
