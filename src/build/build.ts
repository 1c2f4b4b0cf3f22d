import { join } from 'node:path';
import { BideckError } from '../errors.js';
import { PACKAGE_ROOT } from '../load/files.js';
import { loadProject } from '../load/project.js';
import type { Project } from '../load/project.js';
import { MODES, deckTitle, renderDeck } from '../render/deck.js';
import type { Mode } from '../render/deck.js';
import { compileTemplates } from '../render/templates.js';
import { packageVersion, readAssets, readTemplates } from './assets.js';
import { embedFonts } from './fonts.js';
import { silentReporter, timed } from './log.js';
import type { Reporter, StageTiming } from './log.js';
import { StagedOutput } from './output.js';
import { exportPdfs } from './pdfs.js';

export interface BuildOptions {
  deckPath: string;
  outDir: string;
  pdf?: boolean;
  modes?: readonly Mode[];
  cacheDir?: string;
  reporter?: Reporter;
  env?: NodeJS.ProcessEnv;
}

export interface BuildResult {
  files: string[];
  timings: StageTiming[];
  project: Project;
  /** Slide ids that overflow their box, per mode (measured in the browser). */
  overflowing: Partial<Record<Mode, string[]>>;
}

export const DEFAULT_CACHE_DIR = join(PACKAGE_ROOT, 'node_modules', '.cache', 'bideck');

/** Output file name of a mode: `<id>.html` for bilingual, `<id>.zh.html`, `<id>.en.html`. */
export function outputName(id: string, mode: Mode, ext: 'html' | 'pdf'): string {
  return mode === 'bi' ? `${id}.${ext}` : `${id}.${mode}.${ext}`;
}

/** load → validate → model → fonts → render → write → PDF, then swap the output in. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const reporter = options.reporter ?? silentReporter;
  const modes = options.modes ?? MODES;
  const timings: StageTiming[] = [];
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;

  const project = await timed(timings, reporter, 'load', () => loadProject(options.deckPath), (p) => `${p.model.slides.length} slides, ${p.model.segments.length} segments`);
  const { model, brand } = project;
  const [templates, assets, version] = await timed(timings, reporter, 'templates', async () => {
    const [sources, a, v] = await Promise.all([readTemplates(), readAssets(), packageVersion()]);
    return [compileTemplates(sources), a, v] as const;
  });
  const fonts = await timed(timings, reporter, 'fonts', () => embedFonts(model, brand, cacheDir, reporter), (f) => f.summary);
  const pages = await timed(timings, reporter, 'render', () =>
    modes.map((mode) => ({ mode, html: renderDeck({ model, brand, templates, assets, fontCss: fonts.css, mode, version }) })),
  );

  const out = await StagedOutput.open(options.outDir);
  try {
    const htmlFiles = await timed(timings, reporter, 'write', () =>
      Promise.all(pages.map(async (p) => ({ mode: p.mode, file: await out.write(outputName(model.deck.meta.id, p.mode, 'html'), p.html) }))),
    );
    const overflowing: BuildResult['overflowing'] = {};
    if (options.pdf !== false) {
      try {
        const pdfs = await exportPdfs(htmlFiles, project, { version, reporter, timings, ...(options.env ? { env: options.env } : {}) });
        for (const p of pdfs) {
          await out.write(outputName(model.deck.meta.id, p.mode, 'pdf'), p.pdf);
          overflowing[p.mode] = p.overflowing;
        }
      } catch (e) {
        // Without a browser the HTML decks are still worth having: keep them, then report.
        if (e instanceof BideckError && e.kind === 'browser') await out.commit();
        throw e;
      }
    }
    await out.commit();
    return { files: out.files(), timings, project, overflowing };
  } finally {
    await out.discard();
  }
}

export { deckTitle };
