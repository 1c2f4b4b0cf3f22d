import type { Project } from '../load/project.js';
import createDebug from 'debug';
import { useBrowser, withBrowser } from '../export/browser.js';
import type { BrowserSession } from '../export/browser.js';
import { ArtifactWorker } from '../export/artifact-worker.js';
import { exportHandout } from '../export/handout.js';
import { setPdfMetadata } from '../export/metadata.js';
import { measureBoxes } from '../export/boxes.js';
import { openView, prepareView, printDeck } from '../export/pdf.js';
import type { PrintView } from '../export/pdf.js';
import type { CheckedPrint, PhraseLines } from '../layout/index.js';
import type { Browser, Page } from 'puppeteer-core';
import type { MeasuredSlide } from '../pptx/boxes.js';
import { outline } from '../model/outline.js';
import { formatSlideRange, remapOutline } from '../model/range.js';
import { MODE_LANG, deckTitle } from '../render/deck.js';
import type { Mode } from '../render/deck.js';
import { SLIDES_PER_SHEET } from '../render/handout.js';
import { plainText } from '../render/markdown.js';
import type { TemplateSources } from '../render/templates.js';
import { blockedWarnings } from './blocked.js';
import { buildDate } from './date.js';
import { timed } from './log.js';
import type { Reporter, StageTiming } from './log.js';

export interface ModePdf {
  mode: Mode;
  /** The slide deck (one page a slide) or the A4 handout (two slides and notes a page). */
  kind: 'deck' | 'handout';
  pdf: Uint8Array;
  /** Deck PDFs when asked for (`boxes`): every page's measured blocks, for the PowerPoint writer. */
  boxes?: MeasuredSlide[];
  /** Deck PDFs checked against the layout record: the blocks that kept every phrase break (PdfResult). */
  whole?: number[];
}

/** The handout of one mode's deck: its sheets (render/handout.ts) and stylesheet. */
export interface HandoutJob {
  mode: Mode;
  sheetsHtml: string;
  css: string;
}

interface Context {
  version: string;
  reporter: Reporter;
  timings: StageTiming[];
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Only these slide numbers (ascending), in the deck PDFs and the handout. */
  slides?: readonly number[];
  handout?: HandoutJob;
  /** A browser the caller started early (and closes); without it one is launched here. */
  session?: Promise<BrowserSession>;
  /** Untagged PDFs, for quick proofs (`--draft`). */
  draft?: boolean;
  /** The caller handles Ctrl-C itself (serve); see withBrowser. */
  ownSignals?: boolean;
  /** The templates the deck was rendered with: a blocked request is reported naming its template. */
  templates?: TemplateSources;
  /** Measure each mode's blocks in the print view (export/boxes.ts) for `--pptx`. */
  boxes?: boolean;
  /**
   * The deck already open in its print view (the layout stage's page, or one the build opened
   * early): printed instead of loading the file again.
   */
  view?: PrintView | Promise<PrintView>;
  /** The layout stage's record of where lines break (layout/types.ts PhraseLines). */
  lines?: PhraseLines;
  /** The caller's work to do while the first deck PDF prints (export/pdf.ts PdfOptions). */
  whilePrinting?: () => Promise<unknown>;
  /**
   * Called once every PDF has printed, while the last ones get their metadata: the caller may
   * close the browser then, in parallel with that (≈ 0.1 s), instead of after it.
   */
  printed?: () => void;
}

const debug = createDebug('bideck:pdf');

/**
 * The print view the PDFs will print from, prepared (tags, phrase breaks) while the build
 * writes the review page: the layout stage's page, or, with the layout cached, the first
 * mode's deck file opened now, so the browser lays it out meanwhile.
 */
export async function printViewAhead(
  session: Promise<BrowserSession>,
  source: PrintView | { mode: Mode; file: string },
  modes: readonly Mode[],
  ctx: { draft?: boolean; timeoutMs?: number; lines?: PhraseLines; boxes?: boolean; served?: () => void },
): Promise<PrintView> {
  const tagged = !ctx.draft;
  const { lines } = ctx;
  const checked = lines && checkedPrint(lines, modes);
  const view = 'page' in source
    ? source
    : await openView((await session).browser, source.file, source.mode, {
      tagged,
      ...(ctx.timeoutMs ? { timeoutMs: ctx.timeoutMs } : {}),
      ...(lines ? { lines, modes, lazy: !ctx.boxes } : {}),
      ...(checked ? { checked } : {}),
      ...(ctx.served ? { served: ctx.served } : {}),
    });
  return prepareView(view, modes, tagged, lines, checked);
}

/** The print of exactly these modes that checked the layout record before, if one did. */
export function checkedPrint(lines: PhraseLines, modes: readonly Mode[]): CheckedPrint | undefined {
  const key = [...modes].sort().join();
  return lines.checked?.find((c) => [...c.modes].sort().join() === key);
}

/** All modes in one page of one browser, and the handout in a second page alongside. */
export async function exportPdfs(htmlFiles: readonly { mode: Mode; file: string }[], project: Project, ctx: Context): Promise<ModePdf[]> {
  // Tagged PDFs have their untagged content marked as artifacts on two threads (export/artifacts.ts).
  const worker = ctx.draft ? undefined : new ArtifactWorker();
  try {
    return await exportWith(htmlFiles, project, ctx, worker);
  } finally {
    await worker?.close();
  }
}

async function exportWith(htmlFiles: readonly { mode: Mode; file: string }[], project: Project, ctx: Context, worker: ArtifactWorker | undefined): Promise<ModePdf[]> {
  const { meta } = project.model.deck;
  const date = buildDate(ctx.env);
  const timeout = { ...(ctx.timeoutMs ? { timeoutMs: ctx.timeoutMs } : {}), ...(ctx.draft ? { tagged: false } : {}) };
  const slides = ctx.slides;
  const checked = ctx.lines && checkedPrint(ctx.lines, htmlFiles.map((f) => f.mode));
  const index = (n: number) => (slides ? slides.indexOf(n) : n - 1);
  const finish = (pdf: Uint8Array, mode: Mode, pageOf: (slide: number) => number | undefined) => {
    const lang = mode === 'en' ? 'en' : 'zh';
    return setPdfMetadata(pdf, {
      title: deckTitle(project.model, mode),
      author: plainText(meta.organisation[lang]),
      subject: plainText(meta.title[lang]).replace(/\s*\n\s*/g, ' '),
      keywords: ['bideck', meta.id, meta.date],
      language: MODE_LANG[mode],
      creator: `bideck ${ctx.version}`,
      date,
      outline: remapOutline(outline(project.model, mode), pageOf),
    }, worker);
  };
  // Every mode from one page of the first mode's file (the files differ only in their starting
  // mode); each PDF gets its metadata while the next one prints.
  const blocked = new Set<string>();
  const decks = async (browser: Browser): Promise<ModePdf[]> => {
    const [first] = htmlFiles;
    if (!first) return [];
    const out: ModePdf[] = [];
    const order = htmlFiles.map((f) => f.mode);
    ctx.reporter.begin?.(`pdf ${first.mode}`);
    const measured = new Map<Mode, MeasuredSlide[]>();
    // Timed on its own: it is part of the PowerPoint's cost, not of the PDF's.
    const measure = async (page: Page, mode: Mode) => {
      const start = performance.now();
      measured.set(mode, await measureBoxes(page, project.model, mode));
      ctx.timings.push({ stage: `measure ${mode}`, ms: performance.now() - start });
      last += performance.now() - start;
    };
    let last = performance.now();
    await printDeck(browser, (await ctx.view) ?? first.file, {
      modes: htmlFiles.map((f) => f.mode),
      titles: Object.fromEntries(htmlFiles.map((f) => [f.mode, deckTitle(project.model, f.mode)])),
      ...timeout,
      ...(slides ? { pageRanges: formatSlideRange(slides) } : {}),
      ...(ctx.boxes ? { onLaidOut: (page: Page, mode: Mode) => measure(page, mode) } : {}),
      ...(ctx.lines ? { lines: ctx.lines } : {}),
      ...(checked ? { checked } : {}),
      ...(ctx.whilePrinting ? { whilePrinting: ctx.whilePrinting } : {}),
      onPrinted: printedOne,
      onPdf: async (r) => {
        for (const url of r.blocked) blocked.add(url);
        const printed = performance.now();
        const ms = printed - last; // the first mode's time includes laying the print view out
        last = printed;
        const pdf = await finish(r.pdf, r.mode, (n) => (index(n) >= 0 ? index(n) : undefined));
        debug('%s: metadata and bookmarks %d ms', r.mode, Math.round(performance.now() - printed));
        ctx.timings.push({ stage: `pdf ${r.mode}`, ms });
        ctx.reporter.stage(`pdf ${r.mode}`, ms, `${pdf.length} bytes`);
        const boxes = measured.get(r.mode);
        out.push({ mode: r.mode, kind: 'deck', pdf, ...(boxes ? { boxes } : {}), ...(r.whole ? { whole: r.whole } : {}) });
        const next = order[order.indexOf(r.mode) + 1];
        if (next) ctx.reporter.begin?.(`pdf ${next}`);
      },
    });
    return out;
  };
  const handout = (browser: Browser, job: HandoutJob, file: string) =>
    timed(ctx.timings, ctx.reporter, 'handout', async (): Promise<ModePdf> => {
      const result = await exportHandout(browser, file, { ...job, ...timeout });
      printedOne();
      for (const url of result.blocked) blocked.add(url);
      if (result.notesOverflowing.length) {
        ctx.reporter.warn(`handout: the notes of slide(s) ${result.notesOverflowing.join(', ')} do not fit under their slide; shorten them`);
      }
      const pdf = await finish(result.pdf, job.mode, (n) => (index(n) >= 0 ? Math.floor(index(n) / SLIDES_PER_SHEET) : undefined));
      return { mode: job.mode, kind: 'handout', pdf };
    }, (r) => `${r.pdf.length} bytes`);

  const handoutFile = ctx.handout && htmlFiles.find((f) => f.mode === ctx.handout?.mode)?.file;
  // The browser's part is done once the decks and the handout have printed (ctx.printed).
  let printing = ctx.handout && handoutFile ? 2 : 1;
  function printedOne(): void {
    if (--printing === 0) ctx.printed?.();
  }
  const all = (browser: Browser) =>
    Promise.all([
      decks(browser),
      ...(ctx.handout && handoutFile ? [handout(browser, ctx.handout, handoutFile)] : []),
    ]).then(([deckPdfs, ...rest]) => [...deckPdfs, ...rest]);
  const pdfs = await (ctx.session ? useBrowser(await ctx.session, all) : withBrowser(all, ctx.env, ctx.ownSignals));
  for (const warning of blockedWarnings([...blocked], ctx.templates)) ctx.reporter.warn(warning);
  return pdfs;
}
