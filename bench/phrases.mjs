// What Chinese phrase breaking costs (issue 9.5): every text of a deck marked once, as a build
// does (render/markdown.ts caches by text, so each distinct text is marked once per process).
// Run on its own (`node bench/phrases.mjs deck.yaml`, as bench/run.mjs does), so loading the
// model is timed in a process that has not loaded it yet; prints one JSON line.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify(await measurePhrases(process.argv[2]))}\n`);
}
