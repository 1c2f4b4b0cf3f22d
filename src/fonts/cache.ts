/**
 * Disk cache of built subsets: `<key>.json` (metadata) then `<key>.woff2`, each written to a
 * temporary file and renamed, so concurrent processes never see a partial entry (the
 * .woff2 appears last and marks a complete one).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface CacheEntry {
  woff2: Buffer;
  glyphs: number;
  hash: string;
  missing: string[];
}

export async function readCache(dir: string, key: string): Promise<CacheEntry | undefined> {
  try {
    const [woff2, meta] = await Promise.all([
      readFile(join(dir, `${key}.woff2`)),
      readFile(join(dir, `${key}.json`), 'utf8'),
    ]);
    const m = JSON.parse(meta) as Partial<CacheEntry>;
    if (typeof m.glyphs !== 'number' || typeof m.hash !== 'string' || !Array.isArray(m.missing)) {
      return undefined;
    }
    return { woff2, glyphs: m.glyphs, hash: m.hash, missing: m.missing };
  } catch {
    return undefined;
  }
}

export async function writeCache(dir: string, key: string, entry: CacheEntry): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { woff2, ...meta } = entry;
  await writeAtomic(join(dir, `${key}.json`), JSON.stringify(meta));
  await writeAtomic(join(dir, `${key}.woff2`), woff2);
}

async function writeAtomic(path: string, data: string | Buffer): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
