import type { Amount } from '../../model/amount.js';
import { parseAmounts } from '../../model/amount.js';
import type { Segment } from '../../model/types.js';
import { readText } from '../text.js';
import type { Problem, Rule } from '../types.js';
import { approximateProblems, flagProblems, sameValues, says, stored, written } from './amount-words.js';

/**
 * Flags a text pair whose Chinese and English state different amounts (as a multiset of HKD
 * values: 4億及1.1億元 = $400M and $110M), or the same amounts with 約 / ~ or 最高 / up to on
 * one side only; and a funding line whose wording disagrees with its stored `amounts` (plus
 * `outOf`) or `approximate`. What counts as an amount: see model/amount.ts.
 */
export const amountMismatch: Rule = {
  id: 'amount-mismatch',
  summary: 'the Chinese, the English and the stored figures state different amounts',
  check({ model }) {
    return model.segments.flatMap(problems);
  },
};

function problems(segment: Segment): Problem[] {
  const zh = parseAmounts(readText(segment, 'zh'), 'zh');
  const en = parseAmounts(readText(segment, 'en'), 'en');
  const at = { slide: segment.slide, segment: segment.id };
  const funding = segment.funding;
  if (!funding) {
    if (sameValues(zh, en)) return flagProblems(zh, en).map((p) => ({ ...at, ...p, path: [...segment.path, p.lang] }));
    return [{ ...at, path: segment.path, message: `${says('en', en)} but ${says('zh', zh)}.` }];
  }

  const kept = [...funding.amounts, ...(funding.outOf === undefined ? [] : [funding.outOf])];
  const keep = (values: readonly Amount[]) => sameValues(values, kept.map((value) => ({ value })));
  const tail = `the stored amount${funding.amounts.length > 1 ? 's are' : ' is'} ${stored(funding)}`;
  if (keep(zh) && !keep(en)) {
    return [{ ...at, lang: 'en', path: [...segment.path, 'en'], message: `${says('en', en)} but ${says('zh', zh)} and ${tail}.` }];
  }
  if (keep(en) && !keep(zh)) {
    return [{ ...at, lang: 'zh', path: [...segment.path, 'zh'], message: `${says('zh', zh)} but ${says('en', en)} and ${tail}.` }];
  }
  if (sameValues(zh, en) && !keep(zh)) {
    const both = zh.length ? `Both languages say ${written('zh', zh)} / ${written('en', en)}` : 'Neither language states an amount';
    return [{ ...at, path: [...segment.path, 'amounts'], message: `${both}, but ${tail}; correct the stored figure or the wording.` }];
  }
  if (!keep(zh)) {
    return [{ ...at, path: segment.path, message: `${says('zh', zh)}, ${says('en', en)} and ${tail}: all three must agree.` }];
  }
  const flags = flagProblems(zh, en).map((p) => ({ ...at, ...p, path: [...segment.path, p.lang] }));
  if (flags.length) return flags;
  return approximateProblems(zh, en, funding.approximate).map((message) => ({ ...at, path: [...segment.path, 'approximate'], message }));
}
