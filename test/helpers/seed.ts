import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SEED_DECK = join(ROOT, 'data', 'deck.yaml');
const SEED_TEXT = join(ROOT, 'test', 'fixtures', 'seed', 'itib-budget-2023-24.txt');

/**
 * Lines of the seed briefing the deck must reproduce, with the seed's own markdown residue
 * dropped (`\$` → `$`, `**bold**` markers, bullet dashes) and the area numbers, which the deck
 * generates, taken off. The seed spells two area titles two ways; the deck keeps one of each,
 * so the variants it does not keep are listed here.
 */
const NOT_KEPT = new Set([
  '培育科技初創和人才', // kept: 培育科技初創及人才 (the area's own slides)
  'Develop I&T infrastructure and promote "new industrialisation"', // kept with “ ” as on its slides
]);

export function seedLines(): string[] {
  return readFileSync(SEED_TEXT, 'utf8')
    .split('\n')
    .map((l) =>
      l
        .replace(/\\\$/g, '$')
        .replace(/\*\*/g, '')
        .replace(/^\s*-\s+/, '')
        .replace(/^\d\.\s+/, '')
        .trim(),
    )
    .filter((l) => l !== '' && !NOT_KEPT.has(l));
}

/** Compare text regardless of where lines wrap: PDF and HTML break lines wherever they fit. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
