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
import { buildDate } from './date.js';
import type { BrowserSession } from '../export/browser.js';
import type { ModePdf } from './pdfs.js';
import { problemSlides, writeCachedPlan } from '../layout/index.js';
import type { LayoutPlan } from '../layout/index.js';
import { layOut } from './layout.js';
import { embedFonts } from './fonts.js';
import { silentReporter, timed } from './log.js';
import type { Reporter, StageTiming } from './log.js';
import { StagedOutput } from './output.js';
import { stageRates, withEstimates } from './rates.js';
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
  /**
   * Untagged PDFs: no structure tree, so no screen-reader reading order. For quick proofs
   * of long decks only; what is published stays tagged.
   */
  draft?: boolean;
  /** Also write the A4 handout: two slides and their notes a page, from the bilingual deck. */
  handout?: boolean;
  /** Write into a non-empty output folder bideck did not make; only bideck's own files are replaced. */
  force?: boolean;
  /** Also write an editable PowerPoint of each mode, laid out as its PDF (pptx/write.ts). */
  pptx?: boolean;
  /** Run the QA checks (default true) and report their findings as warnings. */
  checks?: boolean;
  /** QA findings fail the build (exit 7) before anything is written. */
  strict?: boolean;
  /**
   * The layout stage (src/layout/) in the browser: `auto` (default) runs it whenever a browser
   * is found, else reuses the cached decision for the same content, else the HTML decks fit at
   * view time; `require` fails without a browser (exit 5); `skip` never measures. PDF builds
   * always run it.
   */
  layout?: 'auto' | 'require' | 'skip';
  reporter?: Reporter;
  env?: NodeJS.ProcessEnv;
  /**
   * Stops the build (the CLI aborts it on SIGINT, SIGTERM, SIGHUP): the browser is closed at once,
   * nothing is swapped in, and the build rejects with the signal's reason. The caller then owns
   * those signals (puppeteer's own handlers are not installed).
   */
  signal?: AbortSignal;
}

export interface BuildResult {
  files: string[];
  timings: StageTiming[];
  project: Project;
  /** Slide ids that overflow their box, per mode (measured in the browser). */
  overflowing: Partial<Record<Mode, string[]>>;
  /** The layout stage's decisions, when the deck was laid out (or its cached decision reused). */
  layout: LayoutPlan | undefined;
  /** QA findings (src/check/), including overflowing slides when the PDFs were made. */
  findings: Finding[];
}

export const DEFAULT_CACHE_DIR = join(PACKAGE_ROOT, 'node_modules', '.cache', 'bideck');

/** Output file name of a mode: `<id>.html` for bilingual, `<id>.zh.html`, `<id>.en.html`. */
export function outputName(id: string, mode: Mode, ext: 'html' | 'pdf' | 'handout.pdf' | 'pptx'): string {
  return mode === 'bi' ? `${id}.${ext}` : `${id}.${mode}.${ext}`;
}

/** load → validate → model → fonts → layout → checks → render → write → PDF, then swap the output in. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const given = options.reporter ?? silentReporter;
  const modes = options.modes ?? MODES;
  const timings: StageTiming[] = [];
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  if (options.pdf !== false) buildDate(options.env); // a malformed SOURCE_DATE_EPOCH is refused before any work
  // A PDF build loads puppeteer while it reads the deck, to start the browser as soon as it has read it.
  if (options.pdf !== false) import('../export/browser.js').then((b) => b.loadPuppeteer()).catch(() => undefined);

  const loaded = await timed(timings, given, 'load', () => loadProject(options.deckPath), (p) => `${p.model.slides.length} slides, ${p.model.segments.length} segments`);
  const rates = await stageRates(cacheDir, loaded.model.slides.length);
  const reporter = withEstimates(given, rates);
  const strict = options.strict ?? false;
  if (options.handout && options.pdf === false) throw new BideckError('usage', '--handout makes a PDF; it cannot be combined with --no-pdf');
  if (options.pptx && options.pdf === false) throw new BideckError('usage', '--pptx takes its layout from the PDF export; it cannot be combined with --no-pdf');
  const signal = options.signal;
  signal?.throwIfAborted();
  // A PDF build's browser starts now and launches while templates, fonts and pages are
  // prepared; an HTML-only build starts one only if the layout is not cached (layOut). Either
  // is closed in `finally` (or at once on a signal), so a template error or a failed write
  // never leaves it behind.
  const browser: { session?: Promise<BrowserSession> } = {};
  const launch = () => (browser.session ??= import('../export/browser.js').then((b) => b.launchBrowser(options.env, signal !== undefined)));
  if (options.pdf !== false) launch();
  const closeNow = () => void browser.session?.then((s) => s.close(), () => undefined);
  signal?.addEventListener('abort', closeNow, { once: true });
  // Lazy (HTML-only builds never load puppeteer or pdf-lib), but loaded while the browser starts.
  const pdfStage = options.pdf === false ? undefined : import('./pdfs.js');
  browser.session?.catch(() => undefined); // its failure is reported where the layout needs it
  try {
    const toolkit = await timed(timings, reporter, 'templates', () => loadToolkit(options.templatesDir, cacheDir));
    const { version } = toolkit;
    const fonts = await timed(timings, reporter, 'fonts', () => embedFonts(loaded, cacheDir), (f) => f.summary);
    const { project, layout, view } = await timed(timings, reporter, 'layout', () => layOut(loaded, toolkit, fonts.css, cacheDir, launch, options, reporter),
      (r) => (r.layout ? `${r.project.model.slides.length} slides${r.layout.splits.length ? `, ${r.layout.splits.length} continued` : ''}` : 'not measured'));
    const { model } = project;
    // Read from the plan when first needed: by the checks, which run while the print view loads
    // (≈ 0.09 s at 1,000 slides off the path to printing).
    let overflow: BuildResult['overflowing'] | undefined;
    const overflowing = (): BuildResult['overflowing'] => (overflow ??= overflowingSlides(layout, modes));
    const check = () => (options.checks === false ? [] : reportFindings(runChecks(project, { strict, ...(layout ? { overflow: overflowing() } : {}) }), (m) => reporter.warn(m), strict));
    // --strict fails on a finding before anything is written or printed; otherwise the checks
    // run while the browser opens the print view (≈ 0.3 s at 1,000 slides).
    const strictFindings = strict ? check() : undefined;
    const slides = options.slides === undefined ? undefined : parseSlideRange(options.slides, model.slides.length);
    const pages = await timed(timings, reporter, 'render', () => modes.map((mode) => ({ mode, html: renderMode(project, toolkit, fonts.css, mode, undefined, layout) })));
    // The handout is bilingual, like the briefing itself, unless the bilingual deck is not built.
    const handoutMode = modes.includes('bi') ? 'bi' : modes[0];
    const handout = options.handout && handoutMode
      ? { mode: handoutMode, sheetsHtml: renderHandout({ model, mode: handoutMode, sources: toolkit.sources, ...(slides ? { slides } : {}) }), css: await readHandoutCss() }
      : undefined;

    const protect = [project.deckFile, project.brandFile, project.glossaryFile, options.templatesDir].filter((p): p is string => p !== undefined);
    const out = await StagedOutput.open(options.outDir, { protect, ...(options.force ? { force: true } : {}) });
    try {
      const htmlFiles = await timed(timings, reporter, 'write', () =>
        Promise.all(pages.map(async (p) => ({ mode: p.mode, file: await out.write(outputName(model.deck.meta.id, p.mode, 'html'), p.html) }))),
      );
      // The browser readies the print view while the QA checks run, and prints the first PDF while
      // the review page is written (two cores, two jobs). The checks wait until the browser has
      // the deck file: run at once, they held up opening the print view (≈ 0.4 s at 1,000 slides).
      const { session } = browser;
      const source = view ?? htmlFiles[0];
      let served: () => void = () => undefined;
      const deckServed = new Promise<void>((resolve) => (served = resolve));
      const ahead = pdfStage && session && source
        ? pdfStage.then((p) => p.printViewAhead(session, source, modes, { ...(options.draft ? { draft: true } : {}), ...(options.pdfTimeoutMs ? { timeoutMs: options.pdfTimeoutMs } : {}), ...(layout?.lines ? { lines: layout.lines } : {}), ...(options.pptx ? { boxes: true } : {}), served }))
        : undefined;
      ahead?.catch(() => undefined); // awaited, and reported, by the PDF stage
      // A view the layout stage left open is not served again: then `ahead` is soon ready.
      if (ahead && !strictFindings) await Promise.race([deckServed, ahead.then(() => undefined, () => undefined)]);
      const findings = strictFindings ?? check();
      let reviewed: Promise<unknown> | undefined;
      const review = () => (reviewed ??= timed(timings, reporter, 'review', async () => out.write(REVIEW_FILE, await reviewPage(project, toolkit, fonts.css, findings, layout ? { layout } : {}))));
      if (options.pdf === false) await review();
      else {
        // PDFs asked for and not made (no browser, a crash, a time-out) fail the whole build:
        // swapping in the HTML alone would leave new decks beside the old PDFs, or none.
        try {
          const { exportPdfs } = await (pdfStage ?? import('./pdfs.js'));
          const pdfs = await exportPdfs(htmlFiles, project, {
            version,
            templates: toolkit.sources,
            reporter,
            timings,
            ...(options.env ? { env: options.env } : {}),
            ...(options.pdfTimeoutMs ? { timeoutMs: options.pdfTimeoutMs } : {}),
            ...(slides ? { slides } : {}),
            ...(handout ? { handout } : {}),
            ...(options.draft ? { draft: true } : {}),
            ...(browser.session ? { session: browser.session } : {}),
            ...(options.pptx ? { boxes: true } : {}),
            ...(ahead ? { view: ahead } : {}),
            ...(layout?.lines ? { lines: layout.lines } : {}),
            // Once the first page.pdf() is sent (a turn of the event loop), Node writes the review page.
            whilePrinting: () => new Promise((resolve) => setImmediate(resolve)).then(review),
            // Closed while the last PDFs get their metadata, not after (`finally` below closes it anyway).
            printed: closeNow,
          });
          await review(); // a build that printed no deck
          await recordCheck(layout, modes, pdfs, cacheDir);
          for (const p of pdfs) {
            await out.write(outputName(model.deck.meta.id, p.mode, p.kind === 'handout' ? 'handout.pdf' : 'pdf'), p.pdf);
            if (p.boxes) {
              const { modePptx } = await import('./pptx.js');
              const boxes = p.boxes;
              const pptx = await timed(timings, reporter, `pptx ${p.mode}`, () => modePptx(project, p.mode, boxes, version, slides), (b) => `${b.length} bytes`);
              await out.write(outputName(model.deck.meta.id, p.mode, 'pptx'), pptx);
            }
          }
        } catch (e) {
          if (signal?.aborted) throw signal.reason; // whatever failed, it failed because the build was stopped
          throw e;
        }
      }
      // After the PDFs: a print that checked the layout record adds that to it (recordCheck).
      if (layout) await out.write(`${model.deck.meta.id}.layout.json`, `${JSON.stringify(layout)}\n`);
      signal?.throwIfAborted();
      await out.commit();
      await rates.save(timings);
      return { files: out.files(), timings, project, overflowing: overflowing(), findings, layout };
    } finally {
      await out.discard();
    }
  } finally {
    signal?.removeEventListener('abort', closeNow);
    await browser.session?.then((s) => s.close(), () => undefined);
  }
}

export { deckTitle };

/** The slides that overflow their box, per mode built, as the plan measured them; none without a plan. */
function overflowingSlides(layout: LayoutPlan | undefined, modes: readonly Mode[]): BuildResult['overflowing'] {
  if (!layout) return {};
  const measured = problemSlides(layout);
  return Object.fromEntries(modes.map((m) => [m, measured[m] ?? []]));
}

/**
 * A print that checked the layout record (export/breaks.ts: each mode with the unused phrase
 * breaks gone, every block where the record says) is written into it and the cached plan, so the
 * next print of the same modes trusts the record and lays the deck out only in `page.pdf()`.
 */
async function recordCheck(layout: LayoutPlan | undefined, modes: readonly Mode[], pdfs: readonly ModePdf[], cacheDir: string): Promise<void> {
  const decks = pdfs.filter((p) => p.kind === 'deck');
  const whole = decks.at(-1)?.whole;
  if (!layout?.lines || whole === undefined || decks.length !== modes.length) return;
  layout.lines.checked = [...(layout.lines.checked ?? []), { modes: [...modes], whole }];
  await writeCachedPlan(cacheDir, layout);
}
