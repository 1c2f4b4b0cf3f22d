import type { Problem, Rule } from '../types.js';

/**
 * Tells the author which slides were too full to show at a readable size and continue on the
 * next slide(s) (decided by the layout stage, src/layout/, the same split in every mode).
 * Silent when the deck was not laid out.
 */
export const continued: Rule = {
  id: 'continued',
  summary: 'a slide too full for one slide at readable sizes, continued on the next (measured in the browser)',
  check({ model }) {
    return model.slides.flatMap((slide): Problem[] => {
      const c = slide.continuation;
      if (!c || c.part !== 1) return [];
      const last = slide.number + c.parts - 1;
      const where = c.parts === 2 ? `slide ${last}` : `slides ${slide.number + 1}–${last}`;
      return [{
        slide: slide.number,
        path: slide.path,
        message: `The slide is too full to show at a readable size: it continues on ${where} (“(cont'd)”), in every version. Shorten it or split it in the data to choose the break yourself.`,
      }];
    });
  },
};
