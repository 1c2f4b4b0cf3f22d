import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { BideckError } from '../errors.js';
import { displayPath } from './files.js';

/**
 * Which Chinese each English text was translated or approved from, by segment id: the deck's
 * `<name>.sources.json` beside it (data/deck.yaml → data/deck.sources.json), committed with it.
 * Written by `xliff import` and `bideck approve`; read by `check` (stale-translation), the
 * review page and `xliff export`. The Chinese itself is kept, not a hash, so that a reviewer
 * sees what changed. A segment not listed has no record and is never called stale.
 */
export type ApprovedSources = Readonly<Record<string, string>>;

const COMMENT = 'Written by bideck xliff import and bideck approve: the Chinese each English text was translated or approved from. Commit it with the deck; bideck check flags English whose Chinese has changed since (stale-translation).';

export function sourcesFile(deckFile: string): string {
  return join(dirname(deckFile), `${basename(deckFile, extname(deckFile))}.sources.json`);
}

/** The deck's record, or undefined when it has none yet. */
export async function readSources(deckFile: string): Promise<ApprovedSources | undefined> {
  const file = sourcesFile(deckFile);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new BideckError('io', `cannot read ${displayPath(file)}: ${(e as Error).message}`, { cause: e });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new BideckError('data', `not valid JSON: ${(cause as Error).message}; restore it from version control or delete it and run bideck approve`, { location: { file: displayPath(file) }, cause });
  }
  const segments = (data as { segments?: unknown } | null)?.segments;
  if (typeof segments !== 'object' || segments === null || Array.isArray(segments) || Object.values(segments).some((v) => typeof v !== 'string')) {
    throw new BideckError('data', 'expected { "segments": { "<segment id>": "<Chinese text>" } }', { location: { file: displayPath(file) }, path: 'segments' });
  }
  return segments as ApprovedSources;
}

/** Write the record: ids sorted so that a change is a one-line diff; temp file and rename. */
export async function writeSources(deckFile: string, sources: ApprovedSources): Promise<string> {
  const file = sourcesFile(deckFile);
  const sorted = Object.fromEntries(Object.keys(sources).sort().map((id) => [id, sources[id] ?? '']));
  const temp = `${file}.bideck-${process.pid}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify({ $comment: COMMENT, segments: sorted }, null, 2)}\n`);
    await rename(temp, file);
  } catch (cause) {
    await rm(temp, { force: true });
    throw new BideckError('io', `cannot write ${displayPath(file)}: ${(cause as Error).message}`, { cause });
  }
  return file;
}
