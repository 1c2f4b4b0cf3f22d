import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import createDebug from 'debug';
import { BideckError } from '../errors.js';
import { formatPath } from '../load/yaml.js';
import type { DataPath } from '../load/yaml.js';
import type { BideckErrorOptions, SourceLocation } from '../errors.js';
import type { DeckModel, SlideModel } from '../model/types.js';
import type { Mode } from '../render/deck.js';
import { openPage } from '../export/browser.js';
import { recordLines } from '../export/breaks.js';
import { openPrintView } from '../export/pdf.js';
import { sectionAttributeValues } from './attributes.js';
import { candidates, planSplit, wholeContent, widestCard } from './decide.js';
import type { Candidate, SlideRows, TableAt } from './decide.js';
import { PROBE_SOURCE } from './probe.js';
import { applySplits } from './split.js';
import type { Box, LayoutPlan, ModeLines, PhraseLines, SlideDecision, SlidePart, SlideSplit } from './types.js';

const debug = createDebug('bideck:layout');

export interface LayoutInput {
  model: DeckModel;
  modes: readonly Mode[];
  /** The deck document of a model in a mode, without decisions (render/deck.ts). */
  render: (model: DeckModel) => string;
  locate: (path: DataPath) => SourceLocation;
  hash: string;
  /** The browser's version string, recorded with the plan (fonts are shaped by it). */
  browser: string;
  timeoutMs?: number;
  /**
   * Leave the last pass's page open, its slides set as the plan says: it is then the deck the
   * build writes, and the PDFs print from it instead of loading that deck again.
   */
  keepPage?: boolean;
  /**
   * The mode the PDFs print first: measured last, so the kept page already stands in it and
   * printing starts without relaying the whole deck out in another language.
   */
  printFirst?: Mode;
  /** Requests the deck tried to make outside its own file (export/pdf.ts), collected here. */
  blocked?: string[];
}

export interface LayoutOutput {
  model: DeckModel;
  plan: LayoutPlan;
  /** With `keepPage`: the print view, laid out as planned; the caller closes it. */
  page?: Page;
}

/** Enough for a 1-initiative slide of 15 points split to single points, twice over. */
const MAX_PASSES = 8;

/**
 * Measure once, decide once: lay every mode of the deck out in the print view (the real fonts),
 * pick each slide's size step and columns (decide.ts), continue what does not fit at the floors
 * onto further slides and measure again, until every slide fits; then record where every block
 * ended up. A text that does not fit even alone on a slide fails the build (exit 9).
 */
export async function runLayout(browser: Browser, input: LayoutInput): Promise<LayoutOutput> {
  const dir = await mkdtemp(join(tmpdir(), 'bideck-layout-'));
  const last = input.printFirst;
  const order = last && input.modes.includes(last) ? [...input.modes.filter((m) => m !== last), last] : input.modes;
  // Two tabs measure at once where there are two cores (each tab's layout is one renderer's
  // work): the others in one, the mode printed first in the other, which is the page kept.
  const groups = order.length > 1 && availableParallelism() > 1 ? [order.slice(0, -1), order.slice(-1)] : [order];
  let pages: Page[] = [];
  try {
    let splits: SlideSplit[] = [];
    for (let pass = 1; ; pass++) {
      const model = applySplits(input.model, splits);
      const file = join(dir, `pass-${pass}.html`);
      await writeFile(file, input.render(model));
      // Fresh pages a pass: each page lets only its own file load (export/pdf.ts).
      await closePages(pages);
      // The first pass takes the tab the browser started with (one renderer fewer to start).
      pages = await Promise.all(groups.map((_, i) => (pass === 1 && i === 0 ? openPage(browser) : browser.newPage())));
      const opening = performance.now();
      await Promise.all(groups.map((g, i) => open(pages[i] as Page, file, g[0] ?? 'bi', input)));
      debug('pass %d: %d print view(s) open in %d ms', pass, pages.length, Math.round(performance.now() - opening));
      const measured = await Promise.all(groups.map((g, i) => measureModes(pages[i] as Page, g, model.slides, pass)));
      const page = pages.at(-1) as Page;
      await closePages(pages.slice(0, -1));
      pages = [page];
      // Merged in the modes' order, as one tab measuring them in turn would have found them.
      const decided: Partial<Record<Mode, Map<string, Candidate>>> = {};
      const boxes: Partial<Record<Mode, Box[][]>> = {};
      let lines: PhraseLines | undefined;
      const failing = new Map<string, Mode>();
      for (const mode of order) {
        const m = measured.flat().find((x) => x.mode === mode);
        if (!m) continue;
        decided[mode] = m.chosen;
        for (const id of m.over) if (!failing.has(id)) failing.set(id, mode);
        if (m.boxes) boxes[mode] = m.boxes;
        if (m.lines) {
          const { wbr, ...modeLines } = m.lines;
          lines ??= { wbr, modes: {} };
          lines.modes[mode] = modeLines;
        }
      }
      debug('pass %d: %d slides, %d to continue', pass, model.slides.length, failing.size);
      if (failing.size === 0) {
        const plan = { ...record(model, input, decided, boxes, splits), ...(lines ? { lines } : {}) };
        if (!input.keepPage) return { model, plan };
        await settle(page, plan);
        debug('print view set as planned');
        pages = []; // the caller's now
        return { model, plan, page };
      }
      if (pass >= MAX_PASSES) throw new BideckError('layout', `the layout did not settle after ${MAX_PASSES} passes; slides still too full: ${[...failing.keys()].join(', ')}`);
      splits = await continueSlides(page, model, failing, splits, input);
    }
  } finally {
    await closePages(pages);
    await rm(dir, { recursive: true, force: true });
  }
}

interface Measured {
  mode: Mode;
  chosen: Map<string, Candidate>;
  over: string[];
  /** Where each slide's blocks are, read once every slide fits (none continue in these modes). */
  boxes?: Box[][];
  /** Read with the boxes: where its lines break at phrase breaks. */
  lines?: ModeLines & { wbr: number };
}

/** Decide each slide's size in these modes, in turn, in one tab. */
async function measureModes(page: Page, modes: readonly Mode[], slides: readonly SlideModel[], pass: number): Promise<Measured[]> {
  const out: Measured[] = [];
  let over = 0;
  for (const mode of modes) {
    const start = performance.now();
    await page.evaluate(`window.bideckSetMode(${JSON.stringify(mode)})`);
    const chosen = await chooseSizes(page, slides);
    over += chosen.over.length;
    const sized = performance.now();
    // Every slide now stands at its chosen size: read where its blocks are while this mode is
    // laid out, unless this pass already continues (then the next pass reads them).
    const boxes = over === 0 ? await readBoxes(page, slides) : undefined;
    const boxed = performance.now();
    const lines = over === 0 ? await recordLines(page) : undefined;
    debug('pass %d, %s: sizes in %d rounds, %d ms; boxes %d ms; lines %d ms', pass, mode, chosen.rounds, Math.round(sized - start), Math.round(boxed - sized), Math.round(performance.now() - boxed));
    out.push({ mode, chosen: chosen.chosen, over: chosen.over, ...(boxes ? { boxes } : {}), ...(lines ? { lines } : {}) });
  }
  return out;
}

/** A killed browser may never answer "close": give up after 2 s (the session kills it). */
async function closePages(pages: readonly Page[]): Promise<void> {
  await Promise.race([Promise.all(pages.map((p) => p.close().catch(() => undefined))), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
}

async function open(page: Page, file: string, first: Mode, input: LayoutInput): Promise<void> {
  await openPrintView(page, file, first, { timeout: input.timeoutMs ?? 60_000, blocked: input.blocked ?? [], measure: true });
  await page.evaluate(PROBE_SOURCE);
}

/** A content slide whose body is only tables: it may grow its text (decide.ts GROW_STEPS). */
const tablesAlone = (s: SlideModel) =>
  s.data.layout === 'content' && !s.data.initiatives?.length && (s.data.blocks?.length ?? 0) > 0 && (s.data.blocks ?? []).every((b) => b.type === 'table');

// Not beside a block: the card already has only two fifths of the body there.
const twoColumns = (s: SlideModel) =>
  s.data.layout === 'content' && !s.data.blocks?.length && s.data.initiatives?.length === 1 && (s.data.initiatives[0]?.points?.length ?? 0) > 1;

/**
 * Each slide's first candidate that fits, tried in rounds: every pending slide gets its next
 * candidate, then one read of the whole print view; slides that fit leave the round.
 */
async function chooseSizes(page: Page, slides: readonly SlideModel[]): Promise<{ chosen: Map<string, Candidate>; over: string[]; rounds: number }> {
  const options = new Map(slides.map((s) => [s.id, candidates(twoColumns(s), wideCard(s), tablesAlone(s))]));
  const chosen = new Map<string, Candidate>();
  const over: string[] = [];
  let pending = slides.map((s) => s.id);
  let k = 0;
  for (; pending.length; k++) {
    const apply = pending.map((id): Candidate & { id: string } => ({ id, ...(options.get(id)?.[k] ?? { fit: 1, columns: 1 }) }));
    const overflowing = new Set(await page.evaluate(`(function (a) { bideckProbe.apply(a); return bideckProbe.overflowing(a.map(function (x) { return x.id; })); })(${JSON.stringify(apply)})`) as string[]);
    const next: string[] = [];
    for (const a of apply) {
      if (!overflowing.has(a.id)) chosen.set(a.id, chosenOf(a));
      else if (k + 1 < (options.get(a.id)?.length ?? 0)) next.push(a.id);
      else {
        over.push(a.id);
        chosen.set(a.id, chosenOf(a));
      }
    }
    pending = next;
  }
  return { chosen, over, rounds: k };
}

const chosenOf = (a: Candidate): Candidate => ({ fit: a.fit, columns: a.columns, ...(a.wide !== undefined ? { wide: a.wide } : {}) });

/** The card of a row of cards that may take a wider column: the densest by its text (decide.ts widestCard). */
function wideCard(s: SlideModel): number | undefined {
  const d = s.data;
  if (d.layout !== 'content' || d.blocks?.length) return undefined;
  return widestCard((d.initiatives ?? []).map((ini) => textLength(ini)));
}

/** Characters of text in a value (its strings, keys aside): a card's density. */
function textLength(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + textLength(v), 0);
  if (value && typeof value === 'object') return Object.entries(value).reduce((n, [k, v]) => n + (k === 'id' || k === 'action' ? 0 : textLength(v)), 0);
  return 0;
}

/** Measure the rows of the slides that do not fit at the floors, in one column, and split them. */
async function continueSlides(page: Page, model: DeckModel, failing: ReadonlyMap<string, Mode>, splits: SlideSplit[], input: LayoutInput): Promise<SlideSplit[]> {
  const floor = candidates(false).at(-1) ?? { fit: 1, columns: 1 };
  const next = new Map(splits.map((s) => [s.slide, [...s.parts]]));
  const byMode = new Map<Mode, string[]>();
  for (const [id, mode] of failing) byMode.set(mode, [...(byMode.get(mode) ?? []), id]);
  const measured: { slide: SlideModel; rows: SlideRows; mode: Mode }[] = [];
  for (const [mode, ids] of byMode) {
    await page.evaluate(`window.bideckSetMode(${JSON.stringify(mode)})`);
    const apply = ids.map((id) => ({ id, ...floor }));
    const rows = await page.evaluate(`(function (a) { bideckProbe.apply(a); return bideckProbe.rows(a.map(function (x) { return x.id; })); })(${JSON.stringify(apply)})`) as SlideRows[];
    ids.forEach((id, i) => {
      const slide = model.slides.find((s) => s.id === id);
      const r = rows[i];
      if (slide && r) measured.push({ slide, rows: r, mode });
    });
  }
  // Later parts first: splitting part k shifts the parts after it, never those before, so two
  // parts of one slide that both overflow are each split where they are.
  measured.sort((a, b) => (b.slide.continuation?.part ?? 1) - (a.slide.continuation?.part ?? 1));
  for (const { slide, rows, mode } of measured) {
    const source = slide.continuation?.of ?? slide.id;
    const parts = next.get(source) ?? [currentPart(slide)];
    const at = (slide.continuation?.part ?? 1) - 1;
    const current = parts[at] ?? currentPart(slide);
    const plan = planSplit(current, rows, tableAt(slide, current));
    if ('unsplittable' in plan) throw tooLong(slide, plan.unsplittable, mode, input);
    parts.splice(at, 1, ...plan.parts);
    next.set(source, parts);
  }
  return [...next].map(([slide, parts]) => ({ slide, parts }));
}

/** The table a slide shows (the first, in the source slide's blocks), for a split by rows. */
function tableAt(slide: SlideModel, current: SlidePart): TableAt | undefined {
  if (current.blocks) return { block: current.blocks.block, length: current.blocks.rows[1] };
  const data = slide.data;
  if (data.layout !== 'content') return undefined;
  const block = (data.blocks ?? []).findIndex((b) => b.type === 'table');
  const t = data.blocks?.[block];
  return t?.type === 'table' ? { block, length: t.rows.length } : undefined;
}

function currentPart(slide: SlideModel): SlidePart {
  const data = slide.data;
  if (data.layout === 'content') return wholeContent(data.initiatives ?? []);
  if (data.layout === 'statement') return { paragraphs: data.paragraphs.map((_, i) => i) };
  if (data.layout === 'timeline') return { milestones: [0, data.milestones.length] };
  if (data.layout === 'comparison') return { points: [0, Math.max(0, ...data.columns.map((c) => c.points.length))] };
  return {};
}

function tooLong(slide: SlideModel, what: { initiative?: number; row?: { kind: 'point' | 'para'; index: number }; paragraph?: number }, mode: Mode, input: LayoutInput): BideckError {
  // The segment to shorten: the point or paragraph that is alone on its slide and still too long.
  const segment =
    slide.segments.find((s) => s.kind !== 'notes' && s.kind !== 'title' && s.kind !== 'heading' && s.kind !== 'funding' && (what.row || what.paragraph !== undefined)) ??
    slide.segments.find((s) => s.kind !== 'notes');
  const path = segment?.path ?? slide.path;
  const version = mode === 'bi' ? 'bilingual' : mode === 'zh' ? 'Chinese' : 'English';
  return new LayoutError(
    slide.number,
    `slide ${slide.number} (${slide.id}): this text cannot be shown whole even alone on a slide at the smallest readable size (${version} version); shorten it or split it in the data`,
    { path: formatPath(path), location: input.locate(path) },
  );
}

/** Exit 9: a text longer than a whole slide holds at the floors. `check` reports it as a finding. */
export class LayoutError extends BideckError {
  readonly slide: number;
  constructor(slide: number, message: string, options: BideckErrorOptions) {
    super('layout', message, options);
    this.slide = slide;
  }
}

/**
 * Set the plan on the page as the written deck carries it (layout/attributes.ts): the size
 * steps, columns and wide cards of every mode as attributes, in place of what the probe tried.
 * The page then holds the same document as the deck file (which differs only in its starting
 * mode and title, both set when printing).
 */
async function settle(page: Page, plan: LayoutPlan): Promise<void> {
  const values = Object.fromEntries(sectionAttributeValues(plan));
  await page.evaluate((all: Record<string, Record<string, string>>) => {
    for (const [id, attributes] of Object.entries(all)) {
      const section = document.getElementById(id);
      if (!section) continue;
      section.style.removeProperty('--fit');
      if (section.getAttribute('style') === '') section.removeAttribute('style');
      for (const name of ['data-cols2', 'data-wide']) section.removeAttribute(name);
      for (const [name, value] of Object.entries(attributes)) section.setAttribute(name, value);
    }
  }, values);
}

/** Where each slide's blocks are, in the mode on screen, as the slides stand now. */
async function readBoxes(page: Page, slides: readonly SlideModel[]): Promise<Box[][]> {
  return page.evaluate(`bideckProbe.boxes(${JSON.stringify(slides.map((s) => s.id))})`) as Promise<Box[][]>;
}

/** The plan: every mode's decisions, and where each block ended up (read as each mode was decided). */
function record(model: DeckModel, input: LayoutInput, decided: Partial<Record<Mode, Map<string, Candidate>>>, boxes: Partial<Record<Mode, Box[][]>>, splits: SlideSplit[]): LayoutPlan {
  const plan: LayoutPlan = { version: 1, hash: input.hash, browser: input.browser, splits, modes: {} };
  for (const mode of input.modes) {
    const chosen = decided[mode] ?? new Map<string, Candidate>();
    const read = boxes[mode] ?? [];
    plan.modes[mode] = model.slides.map((slide, i): SlideDecision => {
      const c = chosen.get(slide.id) ?? { fit: 1, columns: 1 };
      return { id: slide.id, number: slide.number, fit: c.fit, columns: c.columns, ...(c.wide !== undefined ? { wide: c.wide } : {}), boxes: attribute(slide, (read[i] ?? []).map(round)) };
    });
  }
  return plan;
}

const TEXT_KINDS = new Set(['title', 'point', 'paragraph', 'funding', 'heading']);

/**
 * Name each text box's segment: the slide's text blocks come in the order its segments do
 * (model/segments.ts), one block per language shown. Left unnamed if the counts disagree.
 */
function attribute(slide: SlideModel, boxes: Box[]): Box[] {
  const segs = slide.segments.filter((s) => s.kind !== 'notes' && s.kind !== 'meta' && s.kind !== 'area' && s.kind !== 'message');
  for (const lang of ['zh', 'en'] as const) {
    const texts = boxes.filter((b) => b.lang === lang && TEXT_KINDS.has(b.kind));
    if (texts.length !== segs.length) continue;
    texts.forEach((b, i) => {
      const id = segs[i]?.id;
      if (id) b.segment = id;
    });
  }
  return boxes;
}

function round(b: Box): Box {
  const r = (n: number) => Math.round(n * 100) / 100;
  return { ...b, x: r(b.x), y: r(b.y), w: r(b.w), h: r(b.h) };
}
