import type { Mode } from '../../render/deck.js';
import type { Problem, Rule } from '../types.js';

const VERSION: Readonly<Record<Mode, string>> = { bi: 'bilingual', zh: 'Chinese', en: 'English' };

/**
 * Flags a slide whose content does not fit its 1280×720 box even at the smallest text size the
 * deck allows, in any language mode. Measured in the browser with the real fonts (the deck's
 * own fit script marks such slides `data-overflow`), never estimated from character counts;
 * silent when the deck was not measured.
 */
export const overflow: Rule = {
  id: 'overflow',
  summary: 'a slide whose text does not fit its box (measured in the browser)',
  check({ model, overflow: measured }) {
    if (!measured) return [];
    return model.slides.flatMap((slide): Problem[] => {
      const modes = (Object.keys(VERSION) as Mode[]).filter((m) => measured[m]?.includes(slide.id));
      if (modes.length === 0) return [];
      const versions = modes.map((m) => VERSION[m]);
      const where = versions.length === 1 ? `the ${versions[0] ?? ''} version` : `the ${versions.slice(0, -1).join(', ')} and ${versions.at(-1) ?? ''} versions`;
      return [{
        slide: slide.number,
        path: slide.path,
        message: `The slide is too full: in ${where} its text does not fit, even at the smallest size. Shorten the text or move part of it to another slide.`,
      }];
    });
  },
};
