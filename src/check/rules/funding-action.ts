import { findVerbs, mergeVerbs } from '../../model/amount-verbs.js';
import type { VerbTable } from '../../model/amount-verbs.js';
import type { Segment } from '../../model/types.js';
import { LANGUAGE, readText } from '../text.js';
import type { Problem, Rule } from '../types.js';

/**
 * Flags a funding line whose stored `action` is not what its wording does: `action: earmark`
 * on a line that says 撥款 / Allocate. A language whose wording uses a verb of the stored action
 * is fine, whatever else it says (從已預留的100億元中撥出60億元 names earmark and set-aside);
 * wording with no known verb is not flagged. The table is model/amount-verbs.ts, plus the
 * glossary's `verbs:`.
 */
export const fundingAction: Rule = {
  id: 'funding-action',
  summary: 'a funding line\'s stored action and its verb (預留 earmark, 撥款 allocate …) disagree',
  check({ model, glossary }) {
    const table = mergeVerbs(glossary?.verbs);
    return model.segments.flatMap((s) => problems(s, table));
  },
};

function problems(segment: Segment, table: VerbTable): Problem[] {
  const funding = segment.funding;
  if (!funding) return [];
  const out: Problem[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const verbs = findVerbs(readText(segment, lang), lang, table);
    if (verbs.length === 0 || verbs.some((v) => v.action === funding.action)) continue;
    const [first] = verbs;
    if (!first) continue;
    const own = table[funding.action][lang].map((w) => (lang === 'zh' ? w : `"${w}"`)).join(' / ');
    const said = lang === 'zh' ? first.spelling : `"${first.spelling}"`;
    out.push({
      slide: segment.slide,
      segment: segment.id,
      lang,
      path: [...segment.path, 'action'],
      message: `The stored action is ${funding.action} but the ${LANGUAGE[lang]} says ${said} (${first.action}); set "action: ${first.action}", or word it ${own}.`,
    });
  }
  return out;
}
