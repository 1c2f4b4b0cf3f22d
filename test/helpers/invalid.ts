import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './seed.js';

export const INVALID_DIR = join(ROOT, 'test', 'fixtures', 'invalid');

export interface InvalidCase {
  name: string;
  deck: string;
  /** The first line the user sees after `error: `. */
  error: string;
  exit: number;
}

/** Each folder under test/fixtures/invalid/ holds deck.yaml and expected.json. */
export function invalidCases(): InvalidCase[] {
  return readdirSync(INVALID_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(INVALID_DIR, d.name);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { error: string; exit: number };
      return { name: d.name, deck: join('test', 'fixtures', 'invalid', d.name, 'deck.yaml'), ...expected };
    });
}
