import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file, folder and link below `dir` with a hash of its content (or link target): two
 * equal snapshots mean nothing on disk changed, byte for byte.
 */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    const path = join(dir, rel);
    const info = lstatSync(path, { throwIfNoEntry: false });
    if (!info) return;
    if (info.isSymbolicLink()) out[rel] = `link:${readlinkSync(path)}`;
    else if (info.isDirectory()) {
      out[rel || '.'] = 'dir';
      for (const name of readdirSync(path).sort()) walk(rel ? join(rel, name) : name);
    } else if (info.isFile()) out[rel] = createHash('sha256').update(readFileSync(path)).digest('hex');
    else out[rel] = 'other';
  };
  walk('');
  return out;
}
