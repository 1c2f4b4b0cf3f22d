import type { Mode } from '../render/deck.js';
import { plainText } from '../render/markdown.js';
import type { Bilingual, DeckModel } from './types.js';

/** A PDF bookmark: a title and the 0-based page it opens. */
export interface OutlineEntry {
  title: string;
  page: number;
  children: OutlineEntry[];
}

export function label(text: Bilingual, mode: Mode): string {
  const one = (s: string) => plainText(s).replace(/\s*\n\s*/g, ' ').trim();
  if (mode === 'zh') return one(text.zh);
  if (mode === 'en') return one(text.en);
  return `${one(text.zh)} | ${one(text.en)}`;
}

/**
 * Bookmarks a reader navigates by: one per area (with its initiatives under it) and one for
 * each slide outside the areas. Page numbers are slide numbers; the PDF has one page a slide.
 */
export function outline(model: DeckModel, mode: Mode): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const byArea = new Map<number, OutlineEntry>();
  // A continued initiative (src/layout/split.ts) keeps its title object: one bookmark, on its first slide.
  const seen = new Set<object>();
  for (const slide of model.slides) {
    const page = slide.number - 1;
    const data = slide.data;
    if (slide.area) {
      let area = byArea.get(slide.area.number);
      if (!area) {
        area = { title: `${slide.area.number}. ${label(slide.area.title, mode)}`, page, children: [] };
        byArea.set(slide.area.number, area);
        entries.push(area);
      }
      if (data.layout === 'content') {
        for (const ini of data.initiatives ?? []) {
          if (ini.title && !seen.has(ini.title)) area.children.push({ title: label(ini.title, mode), page, children: [] });
          if (ini.title) seen.add(ini.title);
        }
      }
      continue;
    }
    const title =
      data.layout === 'title' ? model.deck.meta.title :
      data.layout === 'closing' ? data.message :
      'heading' in data ? data.heading : undefined;
    if (title) entries.push({ title: label(title, mode), page, children: [] });
  }
  return entries;
}
