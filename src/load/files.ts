import { constants, existsSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BideckError } from '../errors.js';
import type { SourceLocation } from '../errors.js';

/**
 * bideck's own folder (holds package.json, the built-in brands and templates): the nearest one
 * above this module with a package.json. The module is lib/load/files.js, src/load/files.ts
 * under tsx, or a chunk of the bundle in lib/bundle/ (scripts/compile.mjs). With none above
 * it (a copy of the modules alone), two folders up, where lib/load/ puts it.
 */
export const PACKAGE_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..', '..');
  }
}

/**
 * The most bideck reads of any text file (decks are refused above 2 MB when parsed, see
 * load/yaml.ts; XLIFF files are bigger). A cap, so nothing can make a read grow without bound.
 */
export const MAX_READ_BYTES = 16 * 1024 * 1024;

/** What a path is when it is not a regular file, in a user's words. */
function notAFile(info: Stats): string {
  if (info.isDirectory()) return 'is a folder, expected a file';
  if (info.isFIFO()) return 'is a named pipe (FIFO), expected a regular file';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'is a device, expected a regular file';
  if (info.isSocket()) return 'is a socket, expected a regular file';
  return 'is not a regular file';
}

function tooLarge(bytes: number, location: SourceLocation): BideckError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1);
  return new BideckError('data', `file is too large (${mb(bytes)} MB; at most ${mb(MAX_READ_BYTES)} MB)`, { location });
}

/**
 * Read a text file, after checking what it is: `/dev/zero` as a deck grew memory without bound
 * and a FIFO as a glossary hung the build (issue 10.14). The type is checked on the path before
 * opening (opening a FIFO blocks until a writer comes) and again on the open handle (O_NONBLOCK,
 * so a file swapped for a FIFO in between cannot block either); the read stops at the cap.
 */
export async function readBounded(file: string, location: SourceLocation): Promise<Buffer> {
  const info = await stat(file);
  if (!info.isFile()) throw new BideckError('data', notAFile(info), { location });
  if (info.size > MAX_READ_BYTES) throw tooLarge(info.size, location);
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw new BideckError('data', notAFile(opened), { location });
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Files in /proc say they are empty: read to the end, not to the stated size.
      const { bytesRead, buffer } = await handle.read({ buffer: Buffer.alloc(64 * 1024) });
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > MAX_READ_BYTES) throw tooLarge(total, location);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

export async function readText(file: string, location?: SourceLocation): Promise<string> {
  const where = location ?? { file: displayPath(file) };
  let buf: Buffer;
  try {
    buf = await readBounded(file, where);
  } catch (cause) {
    if (cause instanceof BideckError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    const what =
      code === 'ENOENT' ? 'file not found' :
      code === 'EACCES' ? 'permission denied' :
      code === 'EISDIR' ? 'is a folder, expected a file' : `cannot be read (${code ?? String(cause)})`;
    throw new BideckError('data', what, { location: where, cause });
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
  where: () => SourceLocation,
  field: string,
): Promise<string> {
  if (isAbsolute(ref) || /^[a-z]+:/i.test(ref)) {
    throw new BideckError('data', `expected a path relative to the deck's folder, found ${JSON.stringify(ref)}`, { location: where(), path: field });
  }
  const target = resolve(dirname(from), ref);
  const inside = (p: string, r: string) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep);
  if (!inside(target, root)) {
    throw new BideckError('data', `path ${JSON.stringify(ref)} points outside the deck's folder`, { location: where(), path: field });
  }
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    throw new BideckError('data', `file not found: ${JSON.stringify(ref)}`, { location: where(), path: field });
  }
  if (!inside(real, await realpath(root))) {
    throw new BideckError('data', `path ${JSON.stringify(ref)} is a link to a file outside the deck's folder`, { location: where(), path: field });
  }
  return real;
}
