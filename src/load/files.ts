import { readFile, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BideckError } from '../errors.js';
import type { SourceLocation } from '../errors.js';

/** bideck's own folder (holds the built-in brands and templates). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function readText(file: string, location?: SourceLocation): Promise<string> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const what =
      code === 'ENOENT' ? 'file not found' :
      code === 'EACCES' ? 'permission denied' :
      code === 'EISDIR' ? 'is a folder, expected a file' : `cannot be read (${code ?? String(cause)})`;
    throw new BideckError('data', what, { location: location ?? { file: displayPath(file) }, cause });
  }
  const text = new TextDecoder('utf-8').decode(buf);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0 && !buf.includes(Buffer.from('\uFFFD'))) {
    const before = text.slice(0, bad).split('\n');
    throw new BideckError('data', 'the file is not UTF-8 text; save it as UTF-8', {
      location: { file: displayPath(file), line: before.length, column: (before.at(-1)?.length ?? 0) + 1 },
    });
  }
  return text.replace(/^\uFEFF/, '');
}

/** Paths in messages are relative to the working folder, as editors and terminals link them. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/**
 * Resolve a path written in a data file. It must stay inside `root` (the deck's folder), also
 * after following symlinks: data from many hands must not make a build read /etc/passwd.
 */
export async function resolveInside(
  root: string,
  from: string,
  ref: string,
  location: SourceLocation,
  field: string,
): Promise<string> {
  if (isAbsolute(ref) || /^[a-z]+:/i.test(ref)) {
    throw new BideckError('data', `expected a path relative to the deck's folder, found ${JSON.stringify(ref)}`, { location, path: field });
  }
  const target = resolve(dirname(from), ref);
  const inside = (p: string, r: string) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep);
  if (!inside(target, root)) {
    throw new BideckError('data', `path ${JSON.stringify(ref)} points outside the deck's folder`, { location, path: field });
  }
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    throw new BideckError('data', `file not found: ${JSON.stringify(ref)}`, { location, path: field });
  }
  if (!inside(real, await realpath(root))) {
    throw new BideckError('data', `path ${JSON.stringify(ref)} is a link to a file outside the deck's folder`, { location, path: field });
  }
  return real;
}
