import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChecks } from '../check/index.js';
import type { Finding, OverflowMeasurement } from '../check/index.js';
import { findBrowser, withBrowser } from '../export/browser.js';
import { measureOverflow } from '../export/overflow.js';
import { loadProject } from '../load/project.js';
import type { Project } from '../load/project.js';
import { MODES } from '../render/deck.js';
import type { Mode } from '../render/deck.js';
import { build, outputName } from './build.js';

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

/** `bideck check`: the text rules on the data, then overflow measured in the browser. */
export async function checkDeck(options: CheckDeckOptions): Promise<CheckDeckResult> {
  const project = await loadProject(options.deckPath);
  const strict = options.strict ?? false;
  const findings = runChecks(project, { strict });
  const overflow = await measured(options);
  if (overflow) findings.push(...runChecks(project, { overflow, only: ['overflow'], strict }));
  findings.sort((a, b) => a.slide - b.slide);
  return { project, findings, overflowMeasured: overflow !== undefined };
}

async function measured(options: CheckDeckOptions): Promise<OverflowMeasurement | undefined> {
  const mode = options.overflow ?? 'auto';
  if (mode === 'skip') return undefined;
  try {
    findBrowser(options.env);
  } catch (e) {
    if (mode === 'auto') return undefined;
    throw e;
  }
  // Render the decks exactly as `build` does (fonts included: they decide what fits), into a
  // scratch folder, and read what the fit script marked.
  const dir = await mkdtemp(join(tmpdir(), 'bideck-check-'));
  try {
    const modes = options.modes ?? MODES;
    const { project } = await build({
      deckPath: options.deckPath,
      outDir: join(dir, 'html'),
      pdf: false,
      checks: false,
      modes,
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    });
    const decks = modes.map((m) => ({ mode: m, file: join(dir, 'html', outputName(project.model.deck.meta.id, m, 'html')) }));
    return await withBrowser((browser) => measureOverflow(browser, decks), options.env);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
