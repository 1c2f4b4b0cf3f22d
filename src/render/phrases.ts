import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Parser as BudouxParser, zhHantModel as BudouxModel } from 'budoux';
import { parseAmounts, type AmountLang } from '../model/amount.js';

/**
 * Where Chinese may break, and what must not break, in one plain line of text (issue 9.5).
 * Chinese is set with `word-break: keep-all` (deck.css), so the only places it wraps are the
 * ones listed here (plus spaces and punctuation); the markdown renderer writes them as <wbr>,
 * which adds no character to the text (copy-paste, pdftotext and PDF bookmarks stay clean).
 *
 * BudouX (Traditional Chinese model) proposes phrase boundaries. On Hong Kong government
 * wording it also proposes bad ones (人|工智|能, 數|碼|港, 100萬|元, HK$500,0|00), so a
 * boundary is kept only where
 *   - ICU's dictionary word segmenter (Intl.Segmenter) also has a word boundary: no break
 *     inside a word (人工智能, 服務, 人才);
 *   - it is not inside an amount with its unit (100萬元, 約2億元, $30M, HK$500,000);
 *   - it obeys kinsoku: not before closing punctuation (，。」) nor after opening (「《) —
 *     <wbr> would otherwise override `line-break: strict` (UAX #14 LB8 breaks after ZW);
 *   - it leaves no phrase of a single ideograph: one joins the next phrase (為中小企, 及1.1億元),
 *     and at the end of a line the previous one (數碼港), so no line ends with one character alone.
 */

/**
 * BudouX's Traditional Chinese parser, as `loadDefaultTraditionalChineseParser()` builds it
 * minus the HTML processor: the package entry also loads linkedom (a whole DOM) for that,
 * which tripled the import time of this module and so the start of every build. The package
 * exports no subpath for the plain parser, so its two files are loaded by path.
 */
function loadParser(): BudouxParser {
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('budoux'));
  const { Parser } = require(join(dist, 'parser.js')) as { Parser: typeof BudouxParser };
  const { model } = require(join(dist, 'data', 'models', 'zh-hant.js')) as { model: typeof BudouxModel };
  return new Parser(model);
}

const parser = loadParser();
const words = new Intl.Segmenter('zh-Hant-HK', { granularity: 'word' });

const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;
/** Ideographs and the full-width punctuation set with them. */
export const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** No line may start with these (closing brackets, full-width stops, iteration marks). */
const NO_START = /[\s)\]}»’”、。，．：；？！」』）》〉】〕〗〙〛｝〞︰・…‥ー々〻%％,.:;?!]/u;
/** No line may end with these (opening brackets, currency signs). */
const NO_END = /[\s([{«‘“「『（《〈【〔〖〘〚｛〝$＄￥£€]/u;
/** A full-width closing bracket whose right half is blank, before more full-width punctuation. */
const CLOSE_BEFORE_PUNCT = /[」』）》〉】〕](?=[、。，．：；？！」』）》〉】〕])/gu;
/** Words that lean on the phrase before them rather than the one after (第二個, 帶來的, 亞太區內). */
const LEANS_BACK = /^[的之了個項所內中]$/u;
/**
 * Words that BudouX and ICU's dictionary both split (人工|智能, 數碼|港) but a reader takes as
 * one. Kept whole wherever they occur. A deck's glossary would be the better source (a TODO:
 * the templates' `md` helper does not see the project yet).
 */
const WORDS = /人工智能|數碼港|微電子|十四五|科技園|大灣區|製造業|創科園|科技城|智方便|研發院/gu;

export interface LineMarks {
  /** Offsets where a break may be inserted (between text[i-1] and text[i]). */
  breaks: number[];
  /** [start, end) ranges that must stay on one line: amounts with their units. */
  keep: Array<[number, number]>;
  /**
   * Closing brackets followed by full-width punctuation (「基金」，): set half-width, as a
   * font's `halt` feature would. Chromium's `text-spacing-trim` does this only with a font
   * that has `halt` or `chws` for those glyphs, and the embedded subsets keep layout features
   * of their base chunk only (fonts/merge.ts), so the trim is written out here.
   */
  halfWidth: number[];
}

/** Amounts of money in `text`, widened to a 約 / 大約 / ~ right before them (約 must not end a line). */
export function amountRanges(text: string, lang: AmountLang): Array<[number, number]> {
  return parseAmounts(text, lang).map((a) => {
    let start = a.index;
    const lead = lang === 'zh' ? /(?:大約|約)$/u.exec(text.slice(Math.max(0, start - 2), start)) : /~$/.exec(text.slice(0, start));
    if (lead) start -= lead[0].length;
    return [start, a.index + a.raw.length];
  });
}

/** Break opportunities and unbreakable ranges of one line (no newline inside). */
export function markLine(text: string, lang: AmountLang): LineMarks {
  const keep = amountRanges(text, lang);
  if (lang !== 'zh' || !HAN.test(text)) return { breaks: [], keep, halfWidth: [] };
  const wordEnds = new Set<number>();
  for (const w of words.segment(text)) wordEnds.add(w.index);
  const whole = [...keep, ...[...text.matchAll(WORDS)].map((m): [number, number] => [m.index, m.index + m[0].length])];
  const inKeep = (i: number) => whole.some(([s, e]) => i > s && i < e);
  let cuts = parser
    .parseBoundaries(text)
    .filter((i) => i > 0 && i < text.length && wordEnds.has(i) && !inKeep(i))
    .filter((i) => !NO_START.test(text[i] ?? '') && !NO_END.test(text[i - 1] ?? ''))
    // Between two Latin letters, digits or symbols the browser's own rules decide (alert(1)).
    .filter((i) => CJK.test(text[i - 1] ?? '') || CJK.test(text[i] ?? ''));
  cuts = joinSingles(text, cuts);
  const halfWidth = [...text.matchAll(CLOSE_BEFORE_PUNCT)].map((m) => m.index);
  return { breaks: cuts, keep, halfWidth };
}

const hanCount = (s: string) => s.match(HAN_ALL)?.length ?? 0;

/** Remove cuts that would leave a phrase of one ideograph (plus punctuation) on its own. */
function joinSingles(text: string, cuts: readonly number[]): number[] {
  const out = [...cuts];
  for (;;) {
    const k = out.findIndex((_, j) => single(text.slice(j === 0 ? 0 : out[j - 1], out[j])));
    const lastIsSingle = out.length > 0 && single(text.slice(out.at(-1)));
    if (k === -1 && !lastIsSingle) return out;
    if (k === -1) out.pop(); // the line's last phrase joins the one before it
    else if (k > 0 && LEANS_BACK.test(text.slice(out[k - 1], out[k]).trim())) out.splice(k - 1, 1);
    else out.splice(k, 1); // joins the next phrase
  }
}

/** One ideograph and nothing else that reads (punctuation and spaces do not count). */
function single(phrase: string): boolean {
  return hanCount(phrase) === 1 && !/[\p{L}\p{N}]/u.test(phrase.replace(HAN_ALL, ''));
}

/** Marks for every line of a text, newlines included, as offsets in the whole text. */
export function markText(text: string, lang: AmountLang): LineMarks {
  const all: LineMarks = { breaks: [], keep: [], halfWidth: [] };
  let offset = 0;
  for (const line of text.split('\n')) {
    const m = markLine(line, lang);
    all.breaks.push(...m.breaks.map((i) => i + offset));
    all.keep.push(...m.keep.map(([s, e]): [number, number] => [s + offset, e + offset]));
    all.halfWidth.push(...m.halfWidth.map((i) => i + offset));
    offset += line.length + 1;
  }
  return all;
}
