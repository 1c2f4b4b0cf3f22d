import type { Segment } from '../../model/types.js';
import type { Glossary } from '../../schema/glossary.js';
import { termFinder } from '../terms.js';
import type { TermFinder } from '../terms.js';
import { isShared, readText } from '../text.js';
import type { Problem, Rule } from '../types.js';

/**
 * Flags a text pair that uses a glossary term on one side but none of its accepted spellings on
 * the other: 數碼港 in the Chinese and no "Cyberport" in the English, or "HKSTPC" in the English
 * and neither 香港科技園公司 nor 科技園公司 in the Chinese. Pairs marked `shared` are skipped.
 */
export const glossaryMismatch: Rule = {
  id: 'glossary-mismatch',
  summary: 'a glossary term used in one language but not the other',
  check({ model, glossary }) {
    if (!glossary || glossary.terms.length === 0) return [];
    const finder = termFinder(glossary);
    return model.segments.filter((s) => !isShared(s)).flatMap((s) => problems(s, glossary, finder));
  },
};

function problems(segment: Segment, glossary: Glossary, finder: TermFinder): Problem[] {
  const zhText = readText(segment, 'zh');
  const enText = readText(segment, 'en');
  // An empty side is missing-translation's one finding; a glossary one on top would repeat it.
  if (!zhText.trim() || !enText.trim()) return [];
  const zh = finder.find(zhText, 'zh');
  const en = finder.find(enText, 'en');
  const at = { slide: segment.slide, segment: segment.id };
  const out: Problem[] = [];
  for (const [term, spelling] of zh) {
    if (en.has(term)) continue;
    const want = oneOf(glossary.terms[term]?.en ?? []);
    out.push({ ...at, lang: 'en', path: [...segment.path, 'en'], message: `The Chinese says ${spelling} but the English does not say ${want} (glossary).` });
  }
  for (const [term, spelling] of en) {
    if (zh.has(term)) continue;
    const want = oneOf(glossary.terms[term]?.zh ?? []);
    out.push({ ...at, lang: 'zh', path: [...segment.path, 'zh'], message: `The English says "${spelling}" but the Chinese does not say ${want} (glossary).` });
  }
  return out;
}

function oneOf(spellings: readonly string[]): string {
  const q = spellings.map((s) => (/\p{Script=Han}/u.test(s) ? s : `"${s}"`));
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} or ${q.at(-1) ?? ''}`;
}
