import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import Handlebars from 'handlebars';
import { BideckError } from '../errors.js';
import { PACKAGE_ROOT, displayPath } from '../load/files.js';

const FILES = ['deck.yaml', 'glossary.yaml'] as const;

export interface InitResult {
  folder: string;
  files: string[];
}

/**
 * `bideck init [folder]`: a minimal deck that builds and passes `check --strict` as written,
 * with the editor modeline pointing at bideck's JSON Schemas. It never writes over a file.
 */
export async function initDeck(folder: string, today = new Date()): Promise<InitResult> {
  const dir = resolve(folder);
  const info = await lstat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) throw new BideckError('usage', `${displayPath(dir)} is a file; name a folder for the new deck`);
  for (const name of FILES) {
    if (await lstat(join(dir, name)).catch(() => undefined)) {
      throw new BideckError('usage', `${displayPath(join(dir, name))} already exists; bideck init writes only into a folder without a deck`);
    }
  }
  const values = {
    id: deckId(basename(dir)),
    date: today.toISOString().slice(0, 10),
    schema: schemaPath(dir),
  };
  try {
    await mkdir(dir, { recursive: true });
    const files: string[] = [];
    for (const name of FILES) {
      const source = await readFile(join(PACKAGE_ROOT, 'templates', 'init', name), 'utf8');
      const file = join(dir, name);
      // `wx`: fail rather than replace a file that appeared since the check above.
      await writeFile(file, Handlebars.compile(source, { noEscape: true, strict: true })(values), { flag: 'wx' });
      files.push(file);
    }
    return { folder: dir, files };
  } catch (cause) {
    throw new BideckError('io', `cannot write the new deck in ${displayPath(dir)}: ${(cause as Error).message}`, { cause });
  }
}

/** The folder's name as a deck id (lowercase letters, digits, dashes), or `my-deck`. */
export function deckId(name: string): string {
  const id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return id === '' || id === 'review' ? 'my-deck' : id;
}

/** bideck's schema folder as the deck's folder sees it (yaml-language-server resolves it relative to the file). */
function schemaPath(dir: string): string {
  const rel = relative(dir, join(PACKAGE_ROOT, 'data', 'schema')).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
