import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseYaml } from '../../src/load/yaml.js';
import { spliceEnglish } from '../../src/xliff/splice.js';
import { ROOT } from '../helpers/seed.js';

const FILE = join(ROOT, 'test', 'fixtures', 'xliff-styles', 'deck.yaml');
const TEXT = readFileSync(FILE, 'utf8');

/** Bilingual mappings of the styles fixture, one per way of writing the English. */
const SLOTS: Record<string, (string | number)[]> = {
  flow: ['meta', 'title'],
  single: ['meta', 'organisation'],
  double: ['intro', 0, 'heading'],
  literal: ['intro', 0, 'paragraphs', 0],
  folded: ['intro', 0, 'paragraphs', 1],
  empty: ['intro', 0, 'paragraphs', 2],
  missing: ['intro', 0, 'notes'],
  plain: ['areas', 0, 'slides', 0, 'initiatives', 0, 'points', 0],
  'plain, keys after': ['areas', 0, 'slides', 0, 'initiatives', 0, 'funding'],
};

function splice(path: (string | number)[], value: string): string {
  const source = parseYaml('deck.yaml', TEXT);
  return spliceEnglish(TEXT, source.doc, [{ unit: 'u', path, value }], source.locate);
}

// Text a deck may hold: any characters but the controls the schema refuses.
const englishText = fc
  .string({ unit: fc.constantFrom('a', 'B', ' ', ':', '#', '-', "'", '"', '\\', '\n', '\t', '[', ',', '{', '&', '*', '!', '|', '>', '%', '@', '`', '中', '“', '$', '1', '.', '?') })
  .filter((s) => s.length <= 200);

describe('spliceEnglish', () => {
  it.each(Object.entries(SLOTS))('writes any text into the %s English and changes no other data', (_name, path) => {
    fc.assert(
      fc.property(englishText, (value) => {
        const out = parseDocument(splice(path, value));
        expect(out.errors).toEqual([]);
        const expected = parseDocument(TEXT);
        expected.setIn([...path, 'en'], value);
        expect(out.toJS()).toEqual(expected.toJS());
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every comment, even one trailing the replaced text', () => {
    const out = splice(SLOTS['double'] ?? [], 'New heading');
    expect(out).toContain('      en: New heading   # double-quoted\n'.replace('New heading', '"New heading"'));
    const comments = (t: string) => t.split('\n').filter((l) => l.includes('#'));
    expect(comments(out).length).toBe(comments(TEXT).length);
  });

  it('falls back to double quotes for text a block cannot hold as written', () => {
    expect(splice(SLOTS['literal'] ?? [], '  indented\nsecond')).toContain('        en: "  indented\\nsecond"\n');
    expect(splice(SLOTS['plain'] ?? [], 'two\nlines')).toContain('                en: "two\\nlines"\n');
  });
});
