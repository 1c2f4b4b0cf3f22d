import type { Segment } from '../../model/types.js';
import { unbalanced } from '../brackets.js';
import { asciiInChinese, fullWidthAlphanumerics, fullWidthInEnglish } from '../punctuation.js';
import { LANGUAGE, readText } from '../text.js';
import type { Lang, Problem, Rule } from '../types.js';

/**
 * Flags, in each language: brackets and quotes that do not pair up (() [] 「」 『』 《》 “” ‘’ ");
 * letters and digits typed full-width. In English: full-width punctuation between English
 * words. In Chinese: ASCII punctuation where Chinese wants full-width (see punctuation.ts for
 * exactly where, and what is left alone).
 */
export const typography: Rule = {
  id: 'typography',
  summary: 'unpaired brackets or quotes, punctuation of the wrong width',
  check({ model }) {
    return model.segments.flatMap((s) => (['zh', 'en'] as const).flatMap((lang) => problems(s, lang)));
  },
};

function problems(segment: Segment, lang: Lang): Problem[] {
  const text = readText(segment, lang);
  const found = [
    ...unbalanced(text),
    ...fullWidthAlphanumerics(text),
    ...(lang === 'en' ? fullWidthInEnglish(text) : asciiInChinese(text)),
  ];
  return [...new Set(found)].map((what) => ({
    slide: segment.slide,
    segment: segment.id,
    lang,
    path: [...segment.path, lang],
    message: `In the ${LANGUAGE[lang]}, ${what}.`,
  }));
}
