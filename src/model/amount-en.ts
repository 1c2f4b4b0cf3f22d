import { before, clauseStart } from './amount-scan.js';
import type { Candidate } from './amount-scan.js';
import { parseDecimal, pow10 } from './decimal.js';

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** Letter units stick to the number ($200M, $6bn); word units may follow a space ($3 billion). */
const UNIT = String.raw`(?:(k|m|mn|b|bn|t|tn)(?![A-Za-z0-9])|\s?(thousand|million|billion|trillion)(?![A-Za-z]))`;
/** $, HK$ or HKD; not US$ or A$, which are not Hong Kong dollars. */
const DOLLAR = new RegExp(String.raw`(?<![A-Za-z0-9$])(?:HK\$|HKD\s?|\$)\s?(${NUM})${UNIT}?`, 'gi');
/** "3 million dollars", "500 Hong Kong dollars". */
const DOLLARS_WORD = new RegExp(String.raw`(?<![A-Za-z0-9$.,])(${NUM})${UNIT}?\s+(?:Hong Kong |HK )?dollars\b`, 'gi');
/** The second number of a range that shares the first's $: $1-2B, $100 to 200M. */
const RANGE_END = new RegExp(String.raw`(?:[-–]|\sto\s)(${NUM})${UNIT}?`, 'iy');
const SCALE: Readonly<Record<string, number>> = {
  k: 3, thousand: 3, m: 6, mn: 6, million: 6, b: 9, bn: 9, billion: 9, t: 12, tn: 12, trillion: 12,
};
const APPROX_BEFORE = /(?:~|≈|\b(?:about|around|approximately|approx\.?|roughly|some|circa))\s*$/i;
/** "up to $1M", "Max. grant at $500,000"; not the "up to" of "set up to provide". */
const MAX = /\b(?:(?<!\bset(?:s|ting)?\s)up to|max\b\.?|maximum|at most|capped at|not exceeding|not more than|no more than|ceiling of|a cap of)/i;
/** Clause ends; a full stop only after a word that is not an abbreviation (Max. grant at $500,000). */
const CLAUSE = /[;:!?()\n,]|(?<!\b(?:[Mm]ax|[Aa]pprox|[Nn]o|e\.g|i\.e|vs|cf))\.(?=\s)/g;

/**
 * English wording counts as money only with $, HK$, HKD or "dollars": "14th 5-Year Plan",
 * "4 sub-groups", "2023-24", "June 2022", "3 school years" and "Web3" are not amounts.
 * @internal
 */
export function scanEnglish(text: string): Candidate[] {
  const hits: { lead: number; end: number; num: string; unit: string | undefined; currency: Candidate['currency'] }[] = [];
  for (const re of [DOLLAR, DOLLARS_WORD]) {
    for (const m of text.matchAll(re)) {
      hits.push({ lead: m.index, end: m.index + m[0].length, num: m[1] ?? '', unit: m[2] ?? m[3], currency: re === DOLLAR ? 'before' : 'after' });
      RANGE_END.lastIndex = m.index + m[0].length;
      const r = re === DOLLAR ? RANGE_END.exec(text) : null;
      if (r) {
        const lead = r.index + r[0].indexOf(r[1] ?? '');
        hits.push({ lead, end: r.index + r[0].length, num: r[1] ?? '', unit: r[2] ?? r[3], currency: 'none' });
      }
    }
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
      money: true,
      approximate: APPROX_BEFORE.test(before(text, h.lead)),
      max: MAX.test(text.slice(Math.max(clause, previousEnd), h.lead)),
    });
    previousEnd = h.end;
  }
  return found;
}
