// What Chinese phrase breaking costs (issue 9.5): every text of a deck marked once, as a build
// does (render/markdown.ts caches by text, so each distinct text is marked once per process).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export async function measurePhrases(deckFile) {
  let t = performance.now();
  const { markText } = await import('../lib/render/phrases.js'); // loads BudouX's model and ICU's segmenter
  const loadMs = performance.now() - t;
  const texts = { zh: new Set(), en: new Set() };
  (function walk(o) {
    if (!o || typeof o !== 'object') return;
    for (const lang of ['zh', 'en']) if (typeof o[lang] === 'string') texts[lang].add(o[lang]);
    for (const v of Object.values(o)) walk(v);
  })(parse(readFileSync(deckFile, 'utf8')));
  t = performance.now();
  for (const lang of ['zh', 'en']) for (const text of texts[lang]) markText(text, lang);
  const markMs = performance.now() - t;
  return { texts: texts.zh.size + texts.en.size, loadMs, markMs };
}
