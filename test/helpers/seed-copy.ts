import { cpSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './seed.js';

/**
 * A private copy of the seed deck (deck, glossary, brand) in a fresh temp folder, for tests
 * that edit it: data/deck.yaml itself is never touched.
 */
export function copySeed(prefix = 'bideck-seed-'): { dir: string; deck: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'brands'));
  cpSync(join(ROOT, 'data', 'deck.yaml'), join(dir, 'deck.yaml'));
  cpSync(join(ROOT, 'data', 'glossary.yaml'), join(dir, 'glossary.yaml'));
  cpSync(join(ROOT, 'data', 'brands', 'hkgov.yaml'), join(dir, 'brands', 'hkgov.yaml'));
  return { dir, deck: join(dir, 'deck.yaml') };
}
