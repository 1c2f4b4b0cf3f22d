import type { Currency } from './amount.js';
import { before, clauseStart } from './amount-scan.js';
import type { Candidate } from './amount-scan.js';
import { parseDecimal, pow10 } from './decimal.js';

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** Letter units stick to the number ($200M, $6bn); word units may follow a space ($3 billion). */
const UNIT = String.raw`(?:(k|m|mn|b|bn|t|tn)(?![A-Za-z0-9])|\s?(thousand|million|billion|trillion)(?![A-Za-z]))`;
/** $, HK$ or HKD (Hong Kong dollars), US$ or USD, RMB or CNY; not A$ or S$. */
const DOLLAR = new RegExp(String.raw`(?<![A-Za-z0-9$])(HK\$|HKD\s?|US\$|USD\s?|RMB\s?|CNY\s?|\$)\s?(${NUM})${UNIT}?`, 'gi');
/** "3 million dollars", "500 Hong Kong dollars", "2 million US dollars". */
const DOLLARS_WORD = new RegExp(String.raw`(?<![A-Za-z0-9$.,])(${NUM})${UNIT}?\s+(?:(Hong Kong |HK )|(US |U\.S\. )|)dollars\b`, 'gi');
/** The second number of a range that shares the first's $: $1-2B, $100 to 200M. */
const RANGE_END = new RegExp(String.raw`(?:[-–]|\sto\s)(${NUM})${UNIT}?`, 'iy');
const SCALE: Readonly<Record<string, number>> = {
  k: 3, thousand: 3, m: 6, mn: 6, million: 6, b: 9, bn: 9, billion: 9, t: 12, tn: 12, trillion: 12,
};
const CURRENCY_OF: Readonly<Record<string, Currency>> = { hk$: 'HKD', hkd: 'HKD', $: 'HKD', us$: 'USD', usd: 'USD', rmb: 'RMB', cny: 'RMB' };
const APPROX_BEFORE = /(?:~|≈|\b(?:about|around|approximately|approx\.?|roughly|some|circa))\s*$/i;
/** "up to $1M", "Max. grant at $500,000", "Funding cap of $200M"; not the "up to" of "set up to provide". */
const MAX = /\b(?:(?<!\bset(?:s|ting)?\s)up to|max\b\.?|maximum|at most|caps?\b|capped at|not exceeding|not more than|no more than|not over|ceiling)/i;
/** "over $35B", "more than $200M", right before the amount; not "not more than" (a ceiling). */
const OVER_BEFORE = /(?<!\b(?:not|no)\s)\b(?:over|more than|above|in excess of|upwards of)\s*(?:~|about\s)?$/i;
/** "at least $1M", "no less than $1M", "a minimum of $1M". */
const MIN_BEFORE = /\b(?:at least|no less than|not less than|minimum of|min\.)\s*(?:~|about\s)?$/i;
/** Clause ends; a full stop only after a word that is not an abbreviation (Max. grant at $500,000). */
const CLAUSE = /[;:!?()\n,]|(?<!\b(?:[Mm]ax|[Aa]pprox|[Nn]o|e\.g|i\.e|vs|cf))\.(?=\s)/g;

/**
 * English wording counts as money only with $, HK$, HKD, US$, USD, RMB, CNY or "dollars": "14th 5-Year Plan",
 * "4 sub-groups", "2023-24", "June 2022", "3 school years" and "Web3" are not amounts.
 * @internal
 */
export function scanEnglish(text: string): Candidate[] {
  type Hit = { lead: number; end: number; num: string; unit: string | undefined; currency: Candidate['currency']; money: Currency | undefined };
  const hits: Hit[] = [];
  for (const m of text.matchAll(DOLLAR)) {
    const money = CURRENCY_OF[(m[1] ?? '$').trim().toLowerCase()] ?? 'HKD';
    hits.push({ lead: m.index, end: m.index + m[0].length, num: m[2] ?? '', unit: m[3] ?? m[4], currency: 'before', money });
    RANGE_END.lastIndex = m.index + m[0].length;
    const r = RANGE_END.exec(text);
    if (r) {
      const lead = r.index + r[0].indexOf(r[1] ?? '');
      hits.push({ lead, end: r.index + r[0].length, num: r[1] ?? '', unit: r[2] ?? r[3], currency: 'none', money });
    }
  }
  for (const m of text.matchAll(DOLLARS_WORD)) {
    hits.push({ lead: m.index, end: m.index + m[0].length, num: m[1] ?? '', unit: m[2] ?? m[3], currency: 'after', money: m[5] ? 'USD' : 'HKD' });
  }
  hits.sort((a, b) => a.lead - b.lead);
  const found: Candidate[] = [];
  let previousEnd = 0;
  for (const h of hits) {
    if (h.lead < previousEnd) continue; // "3 million dollars" after "$": counted once
    const exponent = h.unit ? SCALE[h.unit.toLowerCase()] : undefined;
    const scale = exponent === undefined ? undefined : pow10(exponent);
    const clause = clauseStart(text, h.lead, CLAUSE);
    found.push({
      lead: h.lead,
      end: h.end,
      value: parseDecimal(h.num) * (scale ?? 1n),
      scale,
      bare: scale === undefined,
      currency: h.currency,
      unit: h.money,
      money: true,
      approximate: APPROX_BEFORE.test(before(text, h.lead)),
      max: MAX.test(text.slice(Math.max(clause, previousEnd), h.lead)),
      over: OVER_BEFORE.test(before(text, h.lead)),
      min: MIN_BEFORE.test(before(text, h.lead)),
    });
    previousEnd = h.end;
  }
  return found;
}
