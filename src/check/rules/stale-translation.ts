import type { Problem, Rule } from '../types.js';
import { quote } from '../text.js';

/**
 * Flags English whose Chinese has changed since it was translated or approved: the deck's
 * sources file (load/sources.ts) holds the Chinese each English came from. Segments without a
 * record, or whose English is empty (missing-translation's), are not flagged.
 */
export const staleTranslation: Rule = {
  id: 'stale-translation',
  summary: 'the Chinese changed after its English was translated (deck.sources.json)',
  check({ model, approved }) {
    if (!approved) return [];
    return model.segments.flatMap((s): Problem[] => {
      const was = approved[s.id];
      if (was === undefined || was === s.text.zh || s.text.en.trim() === '') return [];
      return [{
        slide: s.slide,
        segment: s.id,
        lang: 'en',
        path: [...s.path, 'en'],
        message: `The Chinese changed after the English was translated: it was ${quote(was, 60)}, it is now ${quote(s.text.zh, 60)}; update the English, then run bideck approve ${s.id}.`,
        source: { was, now: s.text.zh },
      }];
    });
  },
};
