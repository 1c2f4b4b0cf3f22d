import { lstat, readFile, readdir, realpath, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { BideckError } from '../errors.js';
import { displayPath } from '../load/files.js';

/**
 * Where bideck may write. An output folder is bideck's to replace only when bideck made it:
 * it holds a manifest of the files bideck wrote there, and only those are ever replaced or
 * removed. A folder that holds the deck, its data or the working folder is never an output
 * folder, whatever it contains (issue 10: `--out data` once deleted the deck).
 */
export const MANIFEST = '.bideck-output.json';

interface Manifest {
  writtenBy: 'bideck';
  /** Paths relative to the output folder, `/`-separated. */
  files: string[];
}

export interface OutputClaim {
  /** The output folder, absolute (through symlinks). */
  dir: string;
  exists: boolean;
  /** The files a previous build wrote there (from the manifest, or adopted): bideck's to replace. */
  previous: string[];
}

export interface ClaimOptions {
  /** Files and folders the output folder must not hold: the deck, glossary, brand, templates. */
  protect: readonly string[];
  /** Write into a non-empty folder bideck did not make (its other files stay). */
  force?: boolean;
  cwd?: string;
}

/**
 * Names a build of any deck writes: `<id>.html`, `<id>.zh.pdf`, `<id>.handout.pdf`,
 * `<id>.en.pptx`, `<id>.layout.json`, `review.html`. A dist/ from before the manifest existed is adopted only if
 * it holds nothing else.
 */
const OUTPUT_NAME = /^(?:review\.html|[a-z0-9][a-z0-9-]*(?:\.(?:zh|en))?\.(?:html|pdf|handout\.pdf|pptx)|[a-z0-9][a-z0-9-]*\.layout\.json)$/;

export async function claimOutputFolder(outDir: string, options: ClaimOptions): Promise<OutputClaim> {
  const shown = displayPath(resolve(outDir));
  const refuse = (why: string) => new BideckError('usage', `--out ${shown} ${why}`);
  const dir = await real(resolve(outDir));
  const info = await lstat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) throw refuse('is a file, not a folder; name a folder for the output, e.g. --out dist');

  const cwd = await real(resolve(options.cwd ?? process.cwd()));
  if (within(dir, cwd)) {
    throw refuse(`${dir === cwd ? 'is' : 'holds'} the working folder; bideck replaces what it wrote in its output folder, so give it a folder of its own, e.g. --out dist`);
  }
  for (const p of options.protect) {
    const target = await real(resolve(p));
    if (within(dir, target)) throw refuse(`holds ${displayPath(target)}, which the build reads; give the output a folder of its own, e.g. --out dist`);
  }
  if (!info) return { dir, exists: false, previous: [] };

  const entries = (await readdir(dir)).filter((n) => !isStage(n));
  const manifest = entries.includes(MANIFEST) ? await readManifest(dir) : undefined;
  if (manifest) return { dir, exists: true, previous: manifest.files };
  if (entries.every((n) => OUTPUT_NAME.test(n))) return { dir, exists: true, previous: entries };
  if (options.force) return { dir, exists: true, previous: entries.filter((n) => OUTPUT_NAME.test(n)) };
  const foreign = entries.filter((n) => !OUTPUT_NAME.test(n));
  const listed = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? `, … (${foreign.length} in all)` : '');
  throw refuse(`already holds files bideck did not write (${listed}); choose a new or empty folder, or add --force to write into it (bideck then replaces only its own files)`);
}

async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    const data = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Partial<Manifest>;
    if (data.writtenBy !== 'bideck' || !Array.isArray(data.files)) return undefined;
    // Only plain relative names: a hand-edited manifest must not point bideck elsewhere.
    const files = data.files.filter((f): f is string => typeof f === 'string' && f !== '' && !f.split('/').some((p) => p === '..' || p === '' || p === '.') && !f.startsWith('/'));
    return { writtenBy: 'bideck', files };
  } catch {
    return undefined;
  }
}

/** Write the manifest through a temp file and a rename: it is there whole or not at all. */
export async function writeManifest(dir: string, files: readonly string[]): Promise<void> {
  const manifest: Manifest = { writtenBy: 'bideck', files: [...new Set(files)].sort() };
  const temp = join(dir, `${MANIFEST}.${process.pid}.tmp`);
  await writeFile(temp, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temp, join(dir, MANIFEST));
}

/** `serve` writes files one at a time; each joins the manifest. */
export async function addToManifest(dir: string, names: readonly string[]): Promise<void> {
  const before = (await readManifest(dir))?.files ?? [];
  await writeManifest(dir, [...before, ...names]);
}

/** Remove files a previous build wrote that this one did not, and folders they leave empty. */
export async function removeStale(dir: string, previous: readonly string[], current: readonly string[]): Promise<void> {
  const keep = new Set(current);
  for (const name of previous) {
    if (keep.has(name)) continue;
    const file = join(dir, name);
    if (!within(dir, file) || file === dir) continue;
    const info = await lstat(file).catch(() => undefined);
    if (info?.isFile() || info?.isSymbolicLink()) await rm(file, { force: true });
    await removeEmptyParents(dir, dirname(file));
  }
}

async function removeEmptyParents(root: string, folder: string): Promise<void> {
  for (let d = folder; d !== root && within(root, d); d = dirname(d)) {
    if ((await readdir(d).catch(() => ['?'])).length > 0) return;
    await rmdir(d).catch(() => undefined);
  }
}

/** Staging folders: `.bideck-stage-<pid>-…` inside an output folder. */
export const STAGE_PREFIX = '.bideck-stage-';
function isStage(name: string): boolean {
  return name.startsWith(STAGE_PREFIX) || name.startsWith(`${MANIFEST}.`);
}

/** `inner` is `outer` or lies below it. */
export function within(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/** The real path, through symlinks, of a path that may not exist yet (its nearest existing parent's). */
async function real(path: string): Promise<string> {
  const parent = dirname(path);
  try {
    return await realpath(path);
  } catch {
    return parent === path ? path : join(await real(parent), relative(parent, path));
  }
}
