// Synthetic decks for the benchmark, made from the seed deck's own slide patterns:
// its content slides repeated in order with unique ids, grouped into areas, with the
// seed's title, statement and closing slides around them. Text stays the seed's real
// bilingual wording, so fonts, line breaking and layout cost what they cost for real.
import { mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';

const SLIDES_PER_AREA = 10;

/** Write a deck of about `slides` slides next to a copy of the seed's brand; returns its path. */
export function writeSyntheticDeck(seedFile, slides, outDir) {
  const seed = parse(readFileSync(seedFile, 'utf8'));
  const patterns = seed.areas.flatMap((a) => a.slides);
  const intro = seed.intro.filter((s) => s.layout !== 'overview'); // an overview of 100 areas cannot fit a slide
  const contentCount = Math.max(1, slides - intro.length - seed.outro.length);
  const areas = [];
  for (let i = 0; i < contentCount; i++) {
    const a = Math.floor(i / SLIDES_PER_AREA);
    const source = seed.areas[a % seed.areas.length];
    if (!areas[a]) areas[a] = { id: `${source.id}-${a + 1}`, title: source.title, slides: [] };
    const pattern = patterns[i % patterns.length];
    areas[a].slides.push({ ...pattern, id: `${pattern.id}-${i + 1}` });
  }
  const deck = { ...seed, meta: { ...seed.meta, id: `synthetic-${slides}` }, intro, areas };
  delete deck.meta.glossary;
  mkdirSync(outDir, { recursive: true });
  cpSync(join(dirname(seedFile), 'brands'), join(outDir, 'brands'), { recursive: true });
  const file = join(outDir, `synthetic-${slides}.yaml`);
  writeFileSync(file, stringify(deck, { lineWidth: 0, aliasDuplicateObjects: false }));
  return file;
}
