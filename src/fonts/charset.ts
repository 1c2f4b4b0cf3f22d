import type { DeckModel } from '../model/types.js';
import { plainText } from '../render/markdown.js';
import type { Brand } from '../schema/brand.js';
import { generatedText } from '../model/generated.js';

/** Labels the templates add around the data (language switch, a continued slide's （續） / (cont'd)). */
const UI_TEXT = "雙語中文EN / 0123456789（續）(cont'd)";

/** Every character the deck can show, per language, so each face is subset to what it draws. */
export function deckCharacters(model: DeckModel, brand: Brand): { zh: string; en: string };
/** The characters of one language's text only (no fallback characters, no UI labels). */
export function deckCharacters(model: DeckModel, brand: Brand, only: 'zh' | 'en'): string;
export function deckCharacters(model: DeckModel, brand: Brand, only?: 'zh' | 'en'): { zh: string; en: string } | string {
  const zh = new Set<string>();
  const en = new Set<string>();
  const add = (set: Set<string>, text: string) => {
    for (const ch of plainText(text)) set.add(ch);
  };
  const texts = [
    ...model.segments.map((s) => s.text),
    ...model.areas.map((a) => a.title),
    brand.wordmark,
    // Figures, table amounts, dates and chart labels bideck writes itself (render/blocks.ts).
    ...generatedText(model),
  ];
  for (const t of texts) {
    add(zh, t.zh);
    add(en, t.en);
  }
  if (only) return [...(only === 'zh' ? zh : en)].sort().join('');
  add(zh, UI_TEXT);
  add(en, UI_TEXT);
  // The English face falls back to the Chinese one for any CJK in English text (names).
  for (const ch of en) zh.add(ch);
  return { zh: [...zh].sort().join(''), en: [...en].sort().join('') };
}
