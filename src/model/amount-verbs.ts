import type { FundingAction } from '../schema/funding.js';
import type { AmountLang } from './amount.js';

/** How each language words an action: the spellings a funding line's verb may take. */
export type VerbTable = Readonly<Record<FundingAction, Readonly<Record<AmountLang, readonly string[]>>>>;

/**
 * The verbs of a funding line, per stored `action`. Chinese spellings match anywhere; English
 * ones as whole words, any case, with their inflections (earmarks, earmarked, earmarking).
 * A deck adds spellings in its glossary (`verbs:`), never removes these.
 *
 *   action     中文                    English
 *   earmark    預留                    earmark
 *   allocate   撥款, 撥付, 分配         allocate
 *   set-aside  撥出                    set aside
 *   inject     注資, 投放, 注入         inject
 *   provide    提供                    provide
 *   reserve    儲備, 保留               reserve
 *   subsidise  資助, 補貼               subsidise, subsidize, subsidy, subsidies
 */
export const VERBS: VerbTable = {
  earmark: { zh: ['預留'], en: ['earmark'] },
  allocate: { zh: ['撥款', '撥付', '分配'], en: ['allocate'] },
  'set-aside': { zh: ['撥出'], en: ['set aside'] },
  inject: { zh: ['注資', '投放', '注入'], en: ['inject'] },
  provide: { zh: ['提供'], en: ['provide'] },
  reserve: { zh: ['儲備', '保留'], en: ['reserve'] },
  subsidise: { zh: ['資助', '補貼'], en: ['subsidise', 'subsidize', 'subsidy', 'subsidies'] },
};

/** The built-in table with a deck's own spellings added. */
export function mergeVerbs(extra: Partial<Record<FundingAction, { zh?: readonly string[] | undefined; en?: readonly string[] | undefined }>> | undefined): VerbTable {
  if (!extra) return VERBS;
  const out: Record<string, Record<AmountLang, readonly string[]>> = {};
  for (const [action, words] of Object.entries(VERBS)) {
    const more = extra[action as FundingAction];
    out[action] = { zh: [...words.zh, ...(more?.zh ?? [])], en: [...words.en, ...(more?.en ?? [])] };
  }
  return out as VerbTable;
}

export interface VerbUse {
  action: FundingAction;
  spelling: string;
  index: number;
}

/**
 * Every action a text's verbs name, in order of appearance. 從已預留的100億元中撥出60億元 names
 * both earmark (the sum it comes from) and set-aside; the rule accepts a line that names its own.
 */
export function findVerbs(text: string, lang: AmountLang, table: VerbTable = VERBS): VerbUse[] {
  const out: VerbUse[] = [];
  for (const [action, words] of Object.entries(table) as [FundingAction, Record<AmountLang, readonly string[]>][]) {
    for (const spelling of words[lang]) {
      const re = lang === 'zh' ? new RegExp(escape(spelling), 'g') : englishVerb(spelling);
      for (const m of text.matchAll(re)) out.push({ action, spelling: m[0], index: m.index });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

function englishVerb(spelling: string): RegExp {
  const words = spelling.trim().split(/\s+/).map(escape);
  // The inflection goes on the first word: "set aside", "sets aside"; "earmark", "earmarked".
  const [head = '', ...rest] = words;
  const inflected = head.endsWith('e') ? `${head.slice(0, -1)}(?:e|es|ed|ing)` : `${head}(?:s|ed|ing)?`;
  const body = [inflected, ...rest].join(String.raw`\s+`);
  return new RegExp(String.raw`(?<![A-Za-z])${body}(?![A-Za-z])`, 'gi');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
