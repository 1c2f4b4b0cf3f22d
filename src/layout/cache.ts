import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import createDebug from 'debug';
import { PROBE_SOURCE } from './probe.js';
import type { LayoutPlan } from './types.js';

const debug = createDebug('bideck:layout');

/**
 * Layout decisions keyed by what they depend on: the deck document as rendered before any
 * decision (slides, CSS, embedded fonts, scripts: everything the browser measures). A build
 * with a browser stores its plan; a build without one (`--no-pdf` on a machine with no
 * browser) reuses it when nothing changed, so its HTML shows exactly what the PDFs showed.
 */
export function layoutHash(html: string): string {
  // The probe measures, so a change to it changes the plan; the salt is bumped when the plan's
  // meaning changes (2: continued tables, `SlidePart.blocks`; 3: tables alone may grow).
  return createHash('sha256').update('bideck-layout-3\0').update(PROBE_SOURCE).update('\0').update(html).digest('hex');
}

const fileOf = (cacheDir: string, hash: string) => join(cacheDir, 'layout', `${hash}.json`);

export async function readCachedPlan(cacheDir: string, hash: string): Promise<LayoutPlan | undefined> {
  try {
    const plan = JSON.parse(await readFile(fileOf(cacheDir, hash), 'utf8')) as LayoutPlan;
    return plan.version === 1 && plan.hash === hash ? plan : undefined;
  } catch {
    return undefined;
  }
}

export async function writeCachedPlan(cacheDir: string, plan: LayoutPlan): Promise<void> {
  try {
    await mkdir(join(cacheDir, 'layout'), { recursive: true });
    const file = fileOf(cacheDir, plan.hash);
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(plan));
    await rename(tmp, file);
  } catch (e) {
    debug('layout cache not written: %s', (e as Error).message); // a cache, never a failure
  }
}
