import Handlebars from 'handlebars';
import { compileTemplate } from './precompiled.js';
import { BideckError } from '../errors.js';
import type { DeckModel } from '../model/types.js';
import type { Mode } from './deck.js';
import { formatDate } from './date.js';
import { plainText, renderInline, textLang } from './markdown.js';
import type { TemplateSources } from './templates.js';

/** Slides on one A4 sheet of the handout. */
export const SLIDES_PER_SHEET = 2;

export interface HandoutInput {
  model: DeckModel;
  mode: Mode;
  /** Slide numbers to include, ascending (all by default). */
  slides?: readonly number[];
  sources: TemplateSources;
}

interface Line {
  class: string;
  lang: string;
  text: string;
}

/**
 * The handout's sheets as an HTML fragment: running header, two empty slide frames with the
 * slides' notes, page number. export/handout.ts puts the laid-out slides into the frames.
 */
export function renderHandout(input: HandoutInput): string {
  const { model, mode } = input;
  const source = input.sources['handout'];
  if (!source) throw new BideckError('render', 'template "handout" is missing from the templates folder');
  const numbers = input.slides ?? model.slides.map((s) => s.number);
  const items = numbers.map((n) => {
    const slide = model.slides[n - 1];
    if (!slide) throw new BideckError('usage', `slide ${n} does not exist`);
    return { number: n, notes: slide.data.notes };
  });
  const sheets = [];
  for (let i = 0; i < items.length; i += SLIDES_PER_SHEET) {
    sheets.push({ page: sheets.length + 1, items: items.slice(i, i + SLIDES_PER_SHEET) });
  }
  const { meta } = model.deck;
  const hb = Handlebars.create();
  hb.registerHelper('md', (text: unknown, lang: unknown) => new hb.SafeString(renderInline(typeof text === 'string' ? text : '', textLang(lang))));
  let template: Handlebars.TemplateDelegate;
  try {
    template = compileTemplate(hb, source.source);
    return template({
      sheets,
      pages: sheets.length,
      title: lines(meta.title, mode, 'handout-sheet__line'),
      organisation: lines(meta.organisation, mode, 'handout-sheet__orgline'),
      date: formatDate(meta.date),
      isoDate: meta.date,
    });
  } catch (cause) {
    throw new BideckError('render', `template handout failed: ${(cause as Error).message.split('\n')[0] ?? ''}`, {
      location: { file: source.file },
      cause,
    });
  }
}

/** A bilingual text as the header shows it: one line per language the mode shows. */
function lines(text: { zh: string; en: string }, mode: Mode, cls: string): Line[] {
  const one = (s: string) => plainText(s).replace(/\s*\n\s*/g, ' ');
  const out: Line[] = [];
  if (mode !== 'en') out.push({ class: `t-zh ${cls}`, lang: 'zh-Hant-HK', text: one(text.zh) });
  if (mode !== 'zh') out.push({ class: `t-en ${cls}`, lang: 'en', text: one(text.en) });
  return out;
}
