import { join } from 'node:path';
import { reportFindings, runChecks } from '../check/index.js';
import type { Finding } from '../check/index.js';
import { BideckError } from '../errors.js';
import { PACKAGE_ROOT } from '../load/files.js';
import { loadProject } from '../load/project.js';
import type { Project } from '../load/project.js';
import { parseSlideRange } from '../model/range.js';
import { MODES, deckTitle } from '../render/deck.js';
import type { Mode } from '../render/deck.js';
import { renderHandout } from '../render/handout.js';
import { embedFonts } from './fonts.js';
import { silentReporter, timed } from './log.js';
import type { Reporter, StageTiming } from './log.js';
import { StagedOutput } from './output.js';
import { REVIEW_FILE, reviewPage } from './review.js';
import { loadToolkit, readHandoutCss, renderMode } from './stages.js';

export interface BuildOptions {
  deckPath: string;
  outDir: string;
  pdf?: boolean;
  modes?: readonly Mode[];
  cacheDir?: string;
  /** Give up on a PDF export after this long (default 60 s). */
  pdfTimeoutMs?: number;
  /** A folder of .hbs files that replace bideck's own, file by file. */
  templatesDir?: string;
  /** Slides for the PDFs and handout, e.g. `3-7` or `1,3-5` (model/range.ts); HTML decks stay whole. */
  slides?: string;
  /** Also write the A4 handout: two slides and their notes a page, from the bilingual deck. */
  handout?: boolean;
  /** Also write an editable PowerPoint of each mode, laid out as its PDF (pptx/write.ts). */
  pptx?: boolean;
  /** Run the QA checks (default true) and report their findings as warnings. */
  checks?: boolean;
  /** QA findings fail the build (exit 7) before anything is written. */
  strict?: boolean;
  reporter?: Reporter;
  env?: NodeJS.ProcessEnv;
}

export interface BuildResult {
  files: string[];
  timings: StageTiming[];
  project: Project;
  /** Slide ids that overflow their box, per mode (measured in the browser). */
  overflowing: Partial<Record<Mode, string[]>>;
  /** QA findings (src/check/), including overflowing slides when the PDFs were made. */
  findings: Finding[];
}

export const DEFAULT_CACHE_DIR = join(PACKAGE_ROOT, 'node_modules', '.cache', 'bideck');

/** Output file name of a mode: `<id>.html` for bilingual, `<id>.zh.html`, `<id>.en.html`. */
export function outputName(id: string, mode: Mode, ext: 'html' | 'pdf' | 'handout.pdf' | 'pptx'): string {
  return mode === 'bi' ? `${id}.${ext}` : `${id}.${mode}.${ext}`;
}

/** load → validate → model → fonts → render → write → PDF, then swap the output in. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const reporter = options.reporter ?? silentReporter;
  const modes = options.modes ?? MODES;
  const timings: StageTiming[] = [];
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;

  const project = await timed(timings, reporter, 'load', () => loadProject(options.deckPath), (p) => `${p.model.slides.length} slides, ${p.model.segments.length} segments`);
  const { model } = project;
  const strict = options.strict ?? false;
  const findings = options.checks === false ? [] : reportFindings(runChecks(project, { strict }), (m) => reporter.warn(m), strict);
  if (options.handout && options.pdf === false) throw new BideckError('usage', '--handout makes a PDF; it cannot be combined with --no-pdf');
  if (options.pptx && options.pdf === false) throw new BideckError('usage', '--pptx takes its layout from the PDF export; it cannot be combined with --no-pdf');
  const slides = options.slides === undefined ? undefined : parseSlideRange(options.slides, model.slides.length);
  // The browser starts now and launches while templates, fonts and pages are prepared; it is
  // closed in `finally`, so a template error or a failed write never leaves it behind.
  const session = options.pdf === false ? undefined : import('../export/browser.js').then((b) => b.launchBrowser(options.env));
  // Lazy (HTML-only builds never load puppeteer or pdf-lib), but loaded while the browser starts.
  const pdfStage = options.pdf === false ? undefined : import('./pdfs.js');
  session?.catch(() => undefined); // its failure is reported where the PDFs need it
  try {
    const toolkit = await timed(timings, reporter, 'templates', () => loadToolkit(options.templatesDir));
    const { version } = toolkit;
    const fonts = await timed(timings, reporter, 'fonts', () => embedFonts(project, cacheDir), (f) => f.summary);
    const pages = await timed(timings, reporter, 'render', () => modes.map((mode) => ({ mode, html: renderMode(project, toolkit, fonts.css, mode) })));
    // The handout is bilingual, like the briefing itself, unless the bilingual deck is not built.
    const handoutMode = modes.includes('bi') ? 'bi' : modes[0];
    const handout = options.handout && handoutMode
      ? { mode: handoutMode, sheetsHtml: renderHandout({ model, mode: handoutMode, sources: toolkit.sources, ...(slides ? { slides } : {}) }), css: await readHandoutCss() }
      : undefined;

    const out = await StagedOutput.open(options.outDir);
    try {
      const htmlFiles = await timed(timings, reporter, 'write', () =>
        Promise.all(pages.map(async (p) => ({ mode: p.mode, file: await out.write(outputName(model.deck.meta.id, p.mode, 'html'), p.html) }))),
      );
      // Written with the HTML decks, so it is there without a browser; it measures overflow itself.
      await timed(timings, reporter, 'review', async () => out.write(REVIEW_FILE, await reviewPage(project, toolkit, fonts.css, findings)));
      const overflowing: BuildResult['overflowing'] = {};
      if (options.pdf !== false) {
        try {
          const { exportPdfs } = await (pdfStage ?? import('./pdfs.js'));
          const pdfs = await exportPdfs(htmlFiles, project, {
            version,
            reporter,
            timings,
            ...(options.env ? { env: options.env } : {}),
            ...(options.pdfTimeoutMs ? { timeoutMs: options.pdfTimeoutMs } : {}),
            ...(slides ? { slides } : {}),
            ...(handout ? { handout } : {}),
            ...(session ? { session } : {}),
            ...(options.pptx ? { boxes: true } : {}),
          });
          for (const p of pdfs) {
            await out.write(outputName(model.deck.meta.id, p.mode, p.kind === 'handout' ? 'handout.pdf' : 'pdf'), p.pdf);
            if (p.kind === 'deck') overflowing[p.mode] = p.overflowing;
            if (p.boxes) {
              const { modePptx } = await import('./pptx.js');
              const boxes = p.boxes;
              const pptx = await timed(timings, reporter, `pptx ${p.mode}`, () => modePptx(project, p.mode, boxes, version, slides), (b) => `${b.length} bytes`);
              await out.write(outputName(model.deck.meta.id, p.mode, 'pptx'), pptx);
            }
          }
        } catch (e) {
          // Without a browser the HTML decks are still worth having: keep them, then report.
          if (e instanceof BideckError && e.kind === 'browser') await out.commit();
          throw e;
        }
        if (options.checks !== false) {
          findings.push(...reportFindings(runChecks(project, { overflow: overflowing, only: ['overflow'], strict }), (m) => reporter.warn(m), strict));
        }
      }
      await out.commit();
      return { files: out.files(), timings, project, overflowing, findings };
    } finally {
      await out.discard();
    }
  } finally {
    await session?.then((s) => s.close(), () => undefined);
  }
}

export { deckTitle };
