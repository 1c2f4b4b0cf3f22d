import type { Glossary } from '../schema/glossary.js';
import type { Lang } from './types.js';

/** Finding glossary terms in a text. @internal */

interface Spelling {
  term: number;
  text: string;
  pattern: RegExp;
}

/** Which terms a text uses, and the spelling it uses for each (the first it meets). */
export type TermUse = Map<number, string>;

export interface TermFinder {
  find(text: string, lang: Lang): TermUse;
}

/**
 * Chinese spellings match anywhere (Chinese has no spaces between words), ignoring line breaks;
 * English spellings match whole words, any case, except all-capital abbreviations (AI, HKSTPC,
 * SMEs), which match only in capitals so that "ai" or "Aid" are not AI. Longest spelling
 * first, and a stretch of text belongs to one spelling only: 香港科技園公司 is not also 科技園公司.
 */
export function termFinder(glossary: Glossary): TermFinder {
  const spellings: Record<Lang, Spelling[]> = { zh: [], en: [] };
  glossary.terms.forEach((term, i) => {
    for (const text of term.zh) spellings.zh.push({ term: i, text, pattern: new RegExp(escape(text.replace(/\s+/g, '')), 'gu') });
    for (const text of term.en) spellings.en.push({ term: i, text, pattern: englishPattern(text) });
  });
  for (const list of Object.values(spellings)) list.sort((a, b) => b.text.length - a.text.length);

  return {
    find(text, lang) {
      const haystack = lang === 'zh' ? text.replace(/\s+/g, '') : text;
      const taken = new Uint8Array(haystack.length);
      const used: TermUse = new Map();
      for (const s of spellings[lang]) {
        for (const m of haystack.matchAll(s.pattern)) {
          const from = m.index;
          const to = from + m[0].length;
          if (taken.subarray(from, to).some((t) => t === 1)) continue;
          taken.fill(1, from, to);
          if (!used.has(s.term)) used.set(s.term, s.text);
        }
      }
      return used;
    },
  };
}

function englishPattern(spelling: string): RegExp {
  const abbreviation = /^[A-Z][A-Z0-9&]+s?$/.test(spelling);
  const body = spelling.trim().split(/\s+/).map(escape).join(String.raw`\s+`);
  // Latin letters and digits as word characters: \p{L} with the i flag costs V8 ~2 ms to compile
  // per pattern, which was a fifth of an HTML-only build; English spellings are Latin anyway.
  const word = String.raw`A-Za-z0-9\u00C0-\u024F`;
  return new RegExp(String.raw`(?<![${word}])${body}(?![${word}])`, abbreviation ? 'g' : 'gi');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
