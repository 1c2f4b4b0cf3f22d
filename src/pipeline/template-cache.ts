import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import createDebug from 'debug';
import { knowSpec, precompileSpec, specKey } from '../render/precompiled.js';

const debug = createDebug('bideck:templates');

/**
 * Precompiled templates (render/precompiled.ts), one file a template source in the cache
 * folder, keyed by Handlebars' version and the source: a changed or new template is compiled
 * once and kept. Only sources that already parsed are given here (a syntax error is reported
 * by the compile with its file and line, as before). A cache, never a failure.
 */
export async function loadTemplateSpecs(cacheDir: string, sources: readonly string[]): Promise<void> {
  const dir = join(cacheDir, 'templates');
  const missing: { key: string; source: string }[] = [];
  await Promise.all(
    sources.map(async (source) => {
      const key = specKey(source);
      try {
        knowSpec(source, await readFile(join(dir, `${key}.js`), 'utf8'));
      } catch {
        missing.push({ key, source });
      }
    }),
  );
  if (!missing.length) return;
  try {
    await mkdir(dir, { recursive: true });
    for (const { key, source } of missing) {
      const spec = precompileSpec(source);
      knowSpec(source, spec);
      const file = join(dir, `${key}.js`);
      await writeFile(`${file}.${process.pid}.tmp`, spec);
      await rename(`${file}.${process.pid}.tmp`, file);
    }
  } catch (e) {
    debug('precompiled templates not written: %s', (e as Error).message);
  }
}
