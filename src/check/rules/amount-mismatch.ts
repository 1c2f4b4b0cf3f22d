import type { Amount } from '../../model/amount.js';
import { parseAmounts, parseRatios, ratioKey } from '../../model/amount.js';
import type { Segment } from '../../model/types.js';
import { readText } from '../text.js';
import type { Problem, Rule } from '../types.js';
import { CURRENCY_NAME, flagProblems, sameNumbers, sameOrder, sameValues, says, stored, storedFlagProblems, written } from './amount-words.js';

/**
 * Flags a text pair whose Chinese and English state different amounts (as a multiset of values
 * in their currencies: 4億及1.1億元 = $400M and $110M; 1億美元 ≠ $100M), in a different order
 * when the text says 分別 / respectively, different ratios (一比二 ≠ 1:1), or the same amounts
 * with 約 / ~, 最高 / up to, 逾 / over, 至少 / at least or a range on one side only; and a funding
 * line whose wording disagrees with what it stores (amounts, outOf, currency, approximate,
 * ceiling, over, range, perUnit). A text empty on one side is missing-translation's finding alone.
 * What counts as an amount: see model/amount.ts.
 */
export const amountMismatch: Rule = {
  id: 'amount-mismatch',
  summary: 'the Chinese, the English and the stored figures state different amounts, ratios or qualifiers',
  check({ model }) {
    return model.segments.flatMap(problems);
  },
};

const RESPECTIVELY = { zh: /分別|依次/, en: /\brespectively\b/i };

function problems(segment: Segment): Problem[] {
  const zhText = readText(segment, 'zh');
  const enText = readText(segment, 'en');
  if (!zhText.trim() || !enText.trim()) return [];
  const zh = parseAmounts(zhText, 'zh');
  const en = parseAmounts(enText, 'en');
  const at = { slide: segment.slide, segment: segment.id };
  const inOrder = RESPECTIVELY.zh.test(zhText) || RESPECTIVELY.en.test(enText);
  const ratios = ratioProblems(zhText, enText).map((message) => ({ ...at, path: segment.path, message }));
  const funding = segment.funding;
  if (!funding) return [...ratios, ...textProblems(segment, zh, en, inOrder)];

  const kept = [...funding.amounts, ...(funding.outOf === undefined ? [] : [funding.outOf])].map((value) => ({ value, currency: funding.currency }));
  const keep = (values: readonly Amount[]) => sameValues(values, kept);
  const tail = `the stored amount${funding.amounts.length > 1 ? 's are' : ' is'} ${stored(funding)}`;
  const lang = (l: 'zh' | 'en') => ({ ...at, lang: l, path: [...segment.path, l] });
  if (keep(zh) && !keep(en)) return [...ratios, { ...lang('en'), message: `${says('en', en)} but ${says('zh', zh)} and ${tail}.${currencyHint(en, kept)}` }];
  if (keep(en) && !keep(zh)) return [...ratios, { ...lang('zh'), message: `${says('zh', zh)} but ${says('en', en)} and ${tail}.${currencyHint(zh, kept)}` }];
  if (sameValues(zh, en) && !keep(zh)) {
    const both = zh.length ? `Both languages say ${written('zh', zh)} / ${written('en', en)}` : 'Neither language states an amount';
    const field = zh.length && sameNumbers(zh, kept) ? 'currency' : 'amounts';
    const hint = field === 'currency' ? ` in ${CURRENCY_NAME[zh[0]?.currency ?? 'HKD']}; set "currency: ${zh[0]?.currency ?? 'HKD'}"` : '; correct the stored figure or the wording';
    return [...ratios, { ...at, path: [...segment.path, field], message: `${both}, but ${tail}${hint}.` }];
  }
  if (!keep(zh)) return [...ratios, { ...at, path: segment.path, message: `${says('zh', zh)}, ${says('en', en)} and ${tail}: all three must agree.` }];

  const out: Problem[] = [...ratios];
  // The stored amounts are "in the order they appear"; with outOf the wording may lead with it.
  if (inOrder && funding.outOf === undefined) {
    for (const l of ['zh', 'en'] as const) {
      const worded = l === 'zh' ? zh : en;
      if (!sameOrder(worded, kept)) out.push({ ...lang(l), message: `The text says respectively (分別), so the order matters: ${says(l, worded)} but the stored amounts are ${stored(funding)} in that order; put them in the same order.` });
    }
  }
  out.push(...flagProblems(zh, en, inOrder).map((p) => ({ ...lang(p.lang), message: p.message })));
  out.push(...storedFlagProblems(zh, en, funding).map((p) => ({ ...at, path: [...segment.path, p.field], message: p.message })));
  for (const p of perUnitProblems(zhText, enText, funding.perUnit)) {
    out.push(p.lang ? { ...lang(p.lang), message: p.message } : { ...at, path: [...segment.path, 'perUnit'], message: p.message });
  }
  return out;
}

function textProblems(segment: Segment, zh: Amount[], en: Amount[], inOrder: boolean): Problem[] {
  const at = { slide: segment.slide, segment: segment.id };
  if (!sameValues(zh, en)) {
    if (zh.length && sameNumbers(zh, en)) {
      return [{ ...at, path: segment.path, message: `The currencies differ: Chinese says ${written('zh', zh)} but English says ${written('en', en)}; write the same currency (元 / $ for HKD, 美元 / US$, 人民幣 / RMB) in both.` }];
    }
    return [{ ...at, path: segment.path, message: `${says('en', en)} but ${says('zh', zh)}.` }];
  }
  if (inOrder && !sameOrder(zh, en)) {
    return [{ ...at, lang: 'en', path: [...segment.path, 'en'], message: `The text says respectively (分別), so the order matters: ${says('zh', zh)} but ${says('en', en)}; put the amounts in the same order.` }];
  }
  return flagProblems(zh, en, inOrder).map((p) => ({ ...at, ...p, path: [...segment.path, p.lang] }));
}

/** Ratios as ratios: 一比二 is 1:2, and 1:2 is 2:4; compared only when both sides state one. */
function ratioProblems(zhText: string, enText: string): string[] {
  const zr = parseRatios(zhText, 'zh');
  const er = parseRatios(enText, 'en');
  if (!zr.length || !er.length) return [];
  const keys = (rs: typeof zr) => rs.map(ratioKey).sort().join(',');
  if (keys(zr) === keys(er)) return [];
  const show = (rs: typeof zr) => rs.map((r) => `${r.raw} (${r.terms.join(':')})`).join(', ');
  return [`The ratios differ: Chinese says ${show(zr)} but English says ${show(er)}.`];
}

function currencyHint(worded: readonly Amount[], kept: readonly { value: number; currency: Amount['currency'] }[]): string {
  return worded.length && sameNumbers(worded, kept) ? ` The figures match but the currency does not: the stored currency is ${CURRENCY_NAME[kept[0]?.currency ?? 'HKD']}.` : '';
}

/** 每家企業 / per enterprise: stored, both wordings must say it; worded 每… without it stored, store it. */
function perUnitProblems(zhText: string, enText: string, perUnit: { zh: string; en: string } | undefined): { lang?: 'zh' | 'en'; message: string }[] {
  if (!perUnit) {
    const each = /每(?:一)?[家間個名位所項宗人隊][\p{Script=Han}]{0,4}?(?=[獲可提最資撥，。]|$)/u.exec(zhText);
    if (!each) return [];
    return [{ message: `The Chinese says the amount is for each (${each[0]}) but no perUnit is stored; add perUnit: { zh: ${each[0]}, en: per … }.` }];
  }
  const out: { lang?: 'zh' | 'en'; message: string }[] = [];
  if (!zhText.replace(/\s+/g, '').includes(perUnit.zh.replace(/\s+/g, ''))) out.push({ lang: 'zh', message: `The stored amount is per unit (${perUnit.zh} / ${perUnit.en}) but the Chinese does not say ${perUnit.zh}.` });
  if (!enText.toLowerCase().includes(perUnit.en.toLowerCase())) out.push({ lang: 'en', message: `The stored amount is per unit (${perUnit.zh} / ${perUnit.en}) but the English does not say "${perUnit.en}".` });
  return out;
}
