import createDebug from 'debug';
import { BideckError } from '../errors.js';
import type { BrowserSession } from '../export/browser.js';
import type { PrintView } from '../export/pdf.js';
import { applySplits, layoutHash, readCachedPlan, runLayout, writeCachedPlan } from '../layout/index.js';
import type { LayoutPlan } from '../layout/index.js';
import type { Project } from '../load/project.js';
import type { DeckModel } from '../model/types.js';
import { MODES } from '../render/deck.js';
import type { BuildOptions } from './build.js';
import { embedFonts } from './fonts.js';
import type { Reporter } from './log.js';
import { loadToolkit, renderMode } from './stages.js';
import type { Toolkit } from './stages.js';

const debug = createDebug('bideck:layout');

export interface LaidOut {
  project: Project;
  layout: LayoutPlan | undefined;
  /**
   * A PDF build whose layout was measured: the print view it was measured in, set as planned,
   * which the PDFs print from (export/pdf.ts), and the requests it tried to make.
   */
  view?: PrintView;
}

/**
 * The layout stage (src/layout/). The decision for the same content (the deck as rendered
 * before any decision: slides, CSS, fonts, scripts) is cached: a PDF build reuses it when the
 * same browser version made it, an HTML-only build whatever browser made it. Otherwise it is
 * measured in the browser; an HTML-only build with no browser and no cache gets none (its
 * decks fit their text at view time, as a preview) and says so.
 */
export async function layOut(
  loaded: Project,
  toolkit: Toolkit,
  fontCss: string,
  cacheDir: string,
  launch: () => Promise<BrowserSession>,
  options: BuildOptions,
  reporter: Reporter,
): Promise<LaidOut> {
  const render = (model: DeckModel) => renderMode({ ...loaded, model }, toolkit, fontCss, 'bi');
  const started = performance.now();
  const hash = layoutHash(render(loaded.model));
  debug('rendered and hashed in %d ms', Math.round(performance.now() - started));
  const pdf = options.pdf !== false;
  const mode = pdf ? 'require' : (options.layout ?? 'auto');
  const cached = mode === 'skip' ? undefined : await readCachedPlan(cacheDir, hash);
  const use = (plan: LayoutPlan) => ({ project: { ...loaded, model: applySplits(loaded.model, plan.splits) }, layout: plan });
  if (cached && !pdf) return use(cached);
  // The browser finder (and @puppeteer/browsers, ≈ 0.1 s to load) only when it may be used.
  if (mode === 'require' || (mode === 'auto' && (await import('../export/find-browser.js')).browserFound(options.env))) {
    let session: BrowserSession;
    try {
      session = await launch();
    } catch (e) {
      // A PDF build without a browser goes on as far as the PDF stage, which reports the
      // missing browser (exit 5) and writes nothing.
      if (!(pdf && e instanceof BideckError && e.kind === 'browser')) throw e;
      if (cached) return use(cached);
      return { project: loaded, layout: undefined };
    }
    const { browser } = session;
    try {
      const version = await browser.version();
      debug('browser ready after %d ms', Math.round(performance.now() - started));
      if (cached && cached.browser === version) return use(cached);
      // The PDF's --timeout is for the export; laying out keeps the default time-out.
      const blocked: string[] = [];
      const { model, plan, page } = await runLayout(browser, { model: loaded.model, modes: MODES, render, locate: loaded.deckSource.locate, hash, browser: version, keepPage: pdf, blocked, printFirst: options.modes?.[0] ?? 'bi' });
      const measured = performance.now();
      await writeCachedPlan(cacheDir, plan);
      debug('plan cached in %d ms', Math.round(performance.now() - measured));
      return { project: { ...loaded, model }, layout: plan, ...(page ? { view: { page, blocked } } : {}) };
    } catch (cause) {
      // A crashed or killed browser surfaces as puppeteer's own errors: report them as export does.
      if (cause instanceof BideckError) throw cause;
      throw new BideckError('export', `the browser stopped while laying the deck out: ${(cause as Error).message}`, { cause });
    }
  }
  if (mode !== 'skip') {
    reporter.warn('layout: no browser found, and no earlier build laid this content out: the HTML decks fit their text at view time, without continuation slides. Build once with a browser to lay them out.');
  }
  return { project: loaded, layout: undefined };
}

/**
 * The project as the last build with a browser laid it out (continuation slides included), for
 * commands that run no browser: `xliff export` numbers its notes' slides as the decks do.
 * Without a cached decision, the project as written.
 */
export async function withCachedLayout(project: Project, options: { cacheDir: string; templatesDir?: string }): Promise<Project> {
  const toolkit = await loadToolkit(options.templatesDir, options.cacheDir);
  const fonts = await embedFonts(project, options.cacheDir);
  const plan = await readCachedPlan(options.cacheDir, layoutHash(renderMode(project, toolkit, fonts.css, 'bi')));
  return plan ? { ...project, model: applySplits(project.model, plan.splits) } : project;
}
