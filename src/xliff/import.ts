import { chmod, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { BideckError } from '../errors.js';
import { displayPath, readText } from '../load/files.js';
import { loadProject } from '../load/project.js';
import { writeSources } from '../load/sources.js';
import { parseYaml } from '../load/yaml.js';
import type { DataPath } from '../load/yaml.js';
import { buildModel } from '../model/deck.js';
import { Deck } from '../schema/deck.js';
import { languageText } from '../schema/text.js';
import { validate } from '../schema/validate.js';
import { readXliff } from './read.js';
import { spliceEnglish } from './splice.js';
import type { EnglishEdit } from './splice.js';
import { segmentsById } from './units.js';

export interface ImportChange {
  unit: string;
  before: string;
  after: string;
}

export interface ImportResult {
  deckFile: string;
  units: number;
  changes: ImportChange[];
  /** False when nothing changed (the file is not touched) or on a dry run. */
  written: boolean;
}

/** Problems listed at once; past this many they share one cause (an old or wrong file). */
const MAX_REPORTED = 10;
const ENGLISH = languageText('English');

/**
 * Write the English of a translated XLIFF back into the deck's YAML. Everything is checked
 * first (ids, sources, the texts, the resulting deck); only then is the file replaced, in one
 * rename. Units without a translation, or with the English already in the data, change nothing.
 */
export async function importXliff(xliffPath: string, deckPath: string, options: { dryRun?: boolean } = {}): Promise<ImportResult> {
  const xliffFile = displayPath(xliffPath);
  const units = readXliff(await readText(xliffPath), xliffFile);
  const project = await loadProject(deckPath);
  const { deckSource, model } = project;
  const segments = segmentsById(model);
  const deckName = displayPath(project.deckFile);

  const problems: string[] = [];
  const edits: EnglishEdit[] = [];
  const changes: ImportChange[] = [];
  for (const unit of units) {
    const seg = segments.get(unit.id);
    if (!seg) {
      problems.push(`unknown unit id ${JSON.stringify(unit.id)}: ${deckName} has no segment with that id`);
      continue;
    }
    if (unit.source !== seg.text.zh) {
      problems.push(`source of unit ${JSON.stringify(unit.id)} changed since export: the file has ${quote(unit.source)}, ${deckName} now has ${quote(seg.text.zh)}; export again`);
      continue;
    }
    // An empty (or blank) target is "not translated yet", never "delete the English".
    if (unit.target === undefined || unit.target.trim() === '' || unit.target === seg.text.en) continue;
    if (unit.dropped) {
      // An English that changed and lost the source's bold: a CAT tool deleted a protected code.
      const { ids, line, column } = unit.dropped;
      throw new BideckError('data', `unit ${JSON.stringify(unit.id)}: the target drops inline code${ids.length > 1 ? 's' : ''} ${ids.join(', ')} of the source (bold or italic); put ${ids.length > 1 ? 'them' : 'it'} back around the words ${ids.length > 1 ? 'they mark' : 'it marks'}; nothing was written`, { location: { file: xliffFile, line, column } });
    }
    const checked = ENGLISH.safeParse(unit.target);
    if (!checked.success) {
      problems.push(`unit ${JSON.stringify(unit.id)}: ${checked.error.issues[0]?.message ?? 'invalid English text'}`);
      continue;
    }
    edits.push({ unit: unit.id, path: seg.path, value: unit.target });
    changes.push({ unit: unit.id, before: seg.text.en, after: unit.target });
  }
  const [first, ...rest] = problems;
  if (first !== undefined) {
    const more = rest.length > MAX_REPORTED - 1 ? [`… and ${rest.length - (MAX_REPORTED - 1)} more`] : [];
    throw new BideckError('data', `${first}${rest.length ? ` (${problems.length} problems)` : ''}; nothing was written`, {
      location: { file: xliffFile },
      details: [...rest.slice(0, MAX_REPORTED - 1), ...more],
    });
  }

  const result: ImportResult = { deckFile: project.deckFile, units: units.length, changes, written: false };
  if (options.dryRun) return result;
  if (edits.length) {
    const text = spliceEnglish(deckSource.text, deckSource.doc, edits, deckSource.locate);
    verify(deckSource.data, text, edits, deckSource.file);
    await replaceFile(project.deckFile, text);
  }
  // Every unit that comes back translated was translated from the Chinese it carries (checked
  // above to be the deck's): record it, so that a later change to that Chinese shows as stale.
  const translated = units.filter((u) => u.target !== undefined && u.target !== '' && segments.has(u.id));
  const sources: Record<string, string> = { ...project.approved };
  let recorded = false;
  for (const u of translated) {
    if (sources[u.id] !== u.source) recorded = true;
    sources[u.id] = u.source;
  }
  if (recorded) await writeSources(project.deckFile, sources);
  return { ...result, written: edits.length > 0 };
}

/**
 * The spliced text must parse to exactly the old data with the new English, and still be a
 * valid deck. A mismatch is a bug in the splicing, caught before anything is written.
 */
function verify(before: unknown, text: string, edits: readonly EnglishEdit[], file: string): void {
  const expected = structuredClone(before);
  for (const e of edits) setIn(expected, [...e.path, 'en'], e.value);
  const after = parseYaml(file, text);
  if (!isDeepStrictEqual(after.data, expected)) {
    throw new Error(`writing the translations into ${file} would change other data; nothing was written`);
  }
  try {
    buildModel(validate(Deck, after), after.locate);
  } catch (cause) {
    if (!(cause instanceof BideckError)) throw cause;
    throw new BideckError('data', `the translations would make the deck invalid: ${cause.message}; nothing was written`, { cause, ...(cause.path ? { path: cause.path } : {}) });
  }
}

function setIn(data: unknown, path: DataPath, value: string): void {
  let node = data as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1) as string] = value;
}

/**
 * Temp file beside the deck, then rename: a reader sees the old file or the new, never half.
 * A deck that is a symlink is written where it points, and stays a symlink.
 */
async function replaceFile(link: string, text: string): Promise<void> {
  const file = await realpath(link).catch(() => link);
  const temp = join(dirname(file), `.${basename(file)}.bideck-${process.pid}.tmp`);
  try {
    const { mode } = await stat(file);
    await writeFile(temp, text, { mode });
    await chmod(temp, mode);
    await rename(temp, file);
  } catch (cause) {
    await rm(temp, { force: true });
    throw new BideckError('io', `cannot write ${displayPath(file)}: ${(cause as Error).message}`, { cause });
  }
}

function quote(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}
