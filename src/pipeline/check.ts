import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChecks } from '../check/index.js';
import type { Finding } from '../check/index.js';
import { LayoutError, problemSlides } from '../layout/index.js';
import { loadProject } from '../load/project.js';
import type { Project } from '../load/project.js';
import { MODES } from '../render/deck.js';
import type { Mode } from '../render/deck.js';
import { build } from './build.js';

export interface CheckDeckOptions {
  deckPath: string;
  /** Measure overflow in the browser: `auto` when one is found, `require` it (exit 5 without), or `skip`. */
  overflow?: 'auto' | 'require' | 'skip';
  modes?: readonly Mode[];
  strict?: boolean;
  cacheDir?: string;
  env?: NodeJS.ProcessEnv;
}

export interface CheckDeckResult {
  project: Project;
  findings: Finding[];
  /** Whether overflow was measured; the text rules never need a browser. */
  overflowMeasured: boolean;
}

/**
 * `bideck check`: the text rules on the data, and the fit of every slide in every mode as the
 * build's layout stage decides it (src/layout/): the same findings the build warns about and
 * the review page shows.
 */
export async function checkDeck(options: CheckDeckOptions): Promise<CheckDeckResult> {
  const mode = options.overflow ?? 'auto';
  const strict = options.strict ?? false;
  const measure = mode === 'require' || (mode === 'auto' && (await import('../export/find-browser.js')).browserFound(options.env));
  if (!measure) {
    const project = await loadProject(options.deckPath);
    return { project, findings: runChecks(project, { strict }), overflowMeasured: false };
  }
  // Build exactly as `build` does (fonts included: they decide what fits) into a scratch folder.
  const dir = await mkdtemp(join(tmpdir(), 'bideck-check-'));
  try {
    const modes = options.modes ?? MODES;
    const { project, layout } = await build({
      deckPath: options.deckPath,
      outDir: join(dir, 'html'),
      pdf: false,
      checks: false,
      layout: 'require',
      modes,
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
      ...(options.env ? { env: options.env } : {}),
    });
    const measured = layout ? problemSlides(layout) : {};
    const overflow = Object.fromEntries(modes.map((m) => [m, measured[m] ?? []]));
    return { project, findings: runChecks(project, { overflow, strict }), overflowMeasured: layout !== undefined };
  } catch (e) {
    if (!(e instanceof LayoutError)) throw e;
    // The build would stop here (exit 9); `check` reports it with the text rules' findings.
    const project = await loadProject(options.deckPath);
    const finding: Finding = {
      rule: 'overflow',
      severity: 'error',
      slide: e.slide,
      ...(e.location ? { location: e.location } : {}),
      ...(e.path ? { path: e.path } : {}),
      message: e.message,
    };
    return { project, findings: [...runChecks(project, { strict }), finding].sort((a, b) => a.slide - b.slide), overflowMeasured: true };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
