import type { Mode } from '../render/deck.js';
import type { Box, InitiativePart, Row, SlidePart } from './types.js';

/**
 * The deciding half of the layout stage: pure functions from measured numbers (CSS px) to
 * decisions. No browser here, so every rule is unit-tested on plain numbers
 * (test/layout/decide.test.ts).
 */

/** 1 pt on the 960×540 pt PDF page is 4/3 CSS px on the 1280×720 slide. */
export const PX_PER_PT = 4 / 3;

/**
 * Readable sizes as floors (issue 9): body ≥ 12 pt in 中文 and English; in the bilingual deck
 * Chinese ≥ 12 pt and English ≥ 10 pt; furniture (footer, wordmark) ≥ 8 pt. The CSS clamps every
 * scalable size at these (templates/deck.css `--floor-*`); the layout stage checks them again.
 */
export function floorPx(mode: Mode, lang: 'zh' | 'en', furniture = false): number {
  if (furniture) return 8 * PX_PER_PT;
  return bodyFloorPt(mode, lang) * PX_PER_PT;
}

/** A source or footnote line is read, not glanced at like a footer: 10 pt in every mode. */
export const SOURCE_FLOOR_PX = 10 * PX_PER_PT;

/**
 * A chart's labels (axes, values, legend) are read like a source line: 10 pt in every mode. They
 * are drawn at 12–15 pt (render/chart.ts); a chart shown smaller than its drawing falls below.
 */
export const CHART_FLOOR_PX = 10 * PX_PER_PT;

/** The floor of a measured text box by its kind. */
export function boxFloorPx(mode: Mode, b: Pick<Box, 'kind' | 'lang'>): number {
  if (b.kind === 'footer') return floorPx(mode, 'zh', true);
  if (b.kind === 'source') return SOURCE_FLOOR_PX;
  if (b.kind === 'chart') return CHART_FLOOR_PX;
  return floorPx(mode, b.lang ?? 'zh');
}

function bodyFloorPt(mode: Mode, lang: 'zh' | 'en'): number {
  return mode === 'bi' && lang === 'en' ? 10 : 12;
}

/**
 * Larger than the normal size, tried first on a slide that holds tables alone (stage.ts): at
 * 1.3 a table cell is still smaller than the slide's heading (templates/deck.css).
 */
export const GROW_STEPS: readonly number[] = [1.3, 1.2, 1.1];

/** Size steps tried in order; below the floors the CSS clamps, so the last steps only shrink what is still above them. */
export const FIT_STEPS: readonly number[] = [1, 0.94, 0.88, 0.82, 0.76, 0.7, 0.64, 0.58];

export interface Candidate {
  fit: number;
  columns: 1 | 2;
  /** Index of the card that takes a wider column (2 or 3 cards in a row); unset, the columns are even. */
  wide?: number;
}

/**
 * What to try for a slide, best first. Space before size (issue 9, point 4): a single
 * initiative with a list flows into two columns before its text shrinks.
 */
export function candidates(twoColumns: boolean, wide?: number, grow = false): Candidate[] {
  const [first = 1, ...rest] = FIT_STEPS;
  // A slide of tables alone (a few rows under a heading) grows its text into the empty body
  // before settling at the normal size (space used, read from the back of the room).
  if (grow) return [...GROW_STEPS, ...FIT_STEPS].map((fit) => ({ fit, columns: 1 }));
  // Cards in a row: at each size step, the densest card takes a wider column before the text
  // shrinks to the next step (issue 9 point 2: the seed's slide 7 used its empty columns).
  if (wide !== undefined) return FIT_STEPS.flatMap((fit) => [{ fit, columns: 1 as const }, { fit, columns: 1 as const, wide }]);
  if (!twoColumns) return FIT_STEPS.map((fit) => ({ fit, columns: 1 }));
  return [{ fit: first, columns: 1 }, { fit: first, columns: 2 }, ...rest.map((fit) => ({ fit, columns: 2 as const }))];
}

/**
 * Which of the cards in a row is dense enough to be worth a wider column: the one with the most
 * text, if it holds at least 1.5 times the text of the next densest (`sizes`: characters of each
 * card). Cards of similar density keep even columns.
 */
export function widestCard(sizes: readonly number[]): number | undefined {
  if (sizes.length < 2 || sizes.length > 3) return undefined;
  const order = sizes.map((n, i) => ({ n, i })).sort((a, b) => b.n - a.n);
  const [most, next] = order;
  return most && next && most.n >= 1.5 * next.n ? most.i : undefined;
}

/** The rows of a slide measured at the floor step in one column: what a split is planned from. */
export type SlideRows =
  | { kind: 'content'; initiatives: { capacity: number; rows: MeasuredRow[] }[]; table?: MeasuredTable | null }
  | { kind: 'statement'; capacity: number; paragraphs: number[] }
  | { kind: 'comparison'; capacity: number; rows: number[] }
  | { kind: 'timeline'; milestones: number }
  | { kind: 'other' };

/** The body rows of a slide's table (heights) and the height they may take on it. */
export interface MeasuredTable {
  capacity: number;
  rows: number[];
}

/** Which block of the slide is its table, and how many rows it has in the data. */
export interface TableAt {
  block: number;
  length: number;
}

export interface MeasuredRow {
  kind: 'point' | 'para';
  /** Height with margins. */
  h: number;
  /** Heights of its sub-points (a point's own lines are `own`). */
  subs: number[];
  own: number;
}

/** A part of the current slide that cannot be split further and still does not fit. */
export interface Unsplittable {
  /** Which initiative (content slides) or paragraph (statement slides) is too long. */
  initiative?: number;
  row?: Row;
  paragraph?: number;
}

export type SplitPlan = { parts: SlidePart[] } | { unsplittable: Unsplittable };

/**
 * How to continue a slide that does not fit at the floors: between initiatives first (the
 * first half stays), then between rows of a single initiative, then between the sub-points of
 * one point (its parent repeated). `current` is what the slide shows now (its own part).
 * A single initiative's capacity counts its two columns at 1.6 rows' worth: optimistic on
 * purpose, as a part that still does not fit is split again on the next pass.
 */
export function planSplit(current: SlidePart, rows: SlideRows, table?: TableAt): SplitPlan {
  if (rows.kind === 'statement') {
    const paras = current.paragraphs ?? rows.paragraphs.map((_, i) => i);
    if (paras.length < 2) return { unsplittable: { paragraph: paras[0] ?? 0 } };
    const take = Math.max(1, Math.min(paras.length - 1, fitCount(rows.paragraphs, rows.capacity)));
    return { parts: [{ paragraphs: paras.slice(0, take) }, { paragraphs: paras.slice(take) }] };
  }
  if (rows.kind === 'comparison') {
    const [from, to] = current.points ?? [0, rows.rows.length];
    if (to - from < 2) return { unsplittable: {} };
    return { parts: chunks(from, to, rows.rows, rows.capacity).map((points) => ({ points })) };
  }
  if (rows.kind === 'timeline') {
    // Milestones sit side by side, so a part is as tall as its densest one: halve the run, as
    // between initiatives, and let the next pass halve again if need be.
    const [from, to] = current.milestones ?? [0, rows.milestones];
    if (to - from < 2) return { unsplittable: {} };
    const half = from + Math.ceil((to - from) / 2);
    return { parts: [{ milestones: [from, half] }, { milestones: [half, to] }] };
  }
  if (rows.kind !== 'content') return { unsplittable: {} };
  const inis = current.initiatives ?? [];
  if (rows.table && table && current.blocks !== false) return splitTable(current, inis, rows.table, table);
  if (inis.length > 1) {
    const half = Math.ceil(inis.length / 2);
    return { parts: [{ initiatives: inis.slice(0, half) }, { initiatives: inis.slice(half) }] };
  }
  const [ini] = inis;
  const measured = rows.initiatives[0];
  if (!ini || !measured) return { unsplittable: {} };
  const capacity = measured.capacity * (ini.rows.length > 1 && ini.rows.every((r) => r.kind === 'point') ? 1.6 : 1);
  if (ini.rows.length > 1) {
    const take = Math.max(1, Math.min(ini.rows.length - 1, fitCount(measured.rows.map((r) => r.h), capacity)));
    return {
      parts: [
        { initiatives: [{ index: ini.index, rows: ini.rows.slice(0, take), funding: false }] },
        { initiatives: [{ index: ini.index, rows: ini.rows.slice(take), funding: ini.funding }] },
      ],
    };
  }
  const [row] = ini.rows;
  const m = measured.rows[0];
  if (!row || !m || row.kind !== 'point' || m.subs.length < 2) return { unsplittable: { initiative: ini.index, ...(row ? { row } : {}) } };
  const [from, to] = row.sub ?? [0, m.subs.length];
  const take = Math.max(1, Math.min(to - from - 1, fitCount(m.subs, measured.capacity - m.own)));
  const part = (sub: [number, number], funding: boolean): SlidePart => ({
    initiatives: [{ index: ini.index, rows: [{ kind: 'point', index: row.index, sub }], funding }],
  });
  return { parts: [part([from, from + take], false), part([from + take, to], ini.funding)] };
}

/**
 * A slide that shows a table and does not fit: its cards go first and the table follows on its
 * own slide; a table alone continues by rows (issue 11), the header repeated by the template,
 * the total row with the last rows. Row heights are measured at the floors.
 */
function splitTable(current: SlidePart, inis: InitiativePart[], measured: MeasuredTable, table: TableAt): SplitPlan {
  const range = current.blocks || { block: table.block, rows: [0, table.length] as [number, number] };
  // A table part shows no cards (`initiatives: []`, not unset: unset shows them all).
  if (inis.length > 0) return { parts: [{ ...current, blocks: false }, { initiatives: [], blocks: range }] };
  const [from, to] = range.rows;
  if (to - from < 2) return { unsplittable: {} };
  return { parts: chunks(from, to, measured.rows, measured.capacity).map((r) => ({ initiatives: [], blocks: { block: range.block, rows: r } })) };
}

/**
 * Rows [from, to) cut into runs that each fit `capacity` (`heights[0]` is row `from`), all at
 * once, so a long table or comparison settles in one more pass, not one pass a part. The first
 * run leaves at least one row to continue.
 */
function chunks(from: number, to: number, heights: readonly number[], capacity: number): [number, number][] {
  const out: [number, number][] = [];
  for (let at = from; at < to; ) {
    const take = Math.max(1, fitCount(heights.slice(at - from), capacity));
    const end = out.length === 0 ? Math.min(to - 1, at + take) : Math.min(to, at + take);
    out.push([at, end]);
    at = end;
  }
  return out;
}

/** How many leading items fit in `capacity`. */
function fitCount(heights: readonly number[], capacity: number): number {
  let used = 0;
  let n = 0;
  for (const h of heights) {
    if (used + h > capacity) break;
    used += h;
    n++;
  }
  return n;
}

/** What a whole (unsplit) content slide shows, as a part. */
export function wholeContent(initiatives: readonly { points?: readonly unknown[] | undefined; paragraphs?: readonly unknown[] | undefined; funding?: unknown }[]): SlidePart {
  return {
    initiatives: initiatives.map((ini, index): InitiativePart => ({
      index,
      rows: [
        ...(ini.points ?? []).map((_, i): Row => ({ kind: 'point', index: i })),
        ...(ini.paragraphs ?? []).map((_, i): Row => ({ kind: 'para', index: i })),
      ],
      funding: ini.funding !== undefined,
    })),
  };
}

export interface LayoutProblem {
  kind: 'overlap' | 'outside' | 'below-floor';
  /** Index of the box in the slide's boxes. */
  box: number;
  /** The other box of an overlap. */
  other?: number;
  message: string;
}

const EPS = 0.75;

function intersects(a: Box, b: Box): boolean {
  return a.x + EPS < b.x + b.w && b.x + EPS < a.x + a.w && a.y + EPS < b.y + b.h && b.y + EPS < a.y + a.h;
}
function inside(a: Box, b: Box): boolean {
  return a.x >= b.x - EPS && a.y >= b.y - EPS && a.x + a.w <= b.x + b.w + EPS && a.y + a.h <= b.y + b.h + EPS;
}

/**
 * What the audience would not see whole: a text outside the slide or under the footer, a text
 * over another text, a badge or the footer, a text below its floor. Pure: boxes in, problems out.
 */
export function findProblems(boxes: readonly Box[], mode: Mode, slide = { w: 1280, h: 720 }): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const texts = boxes.map((b, i) => ({ b, i })).filter((x) => x.b.lang !== undefined);
  const footer = boxes.find((b) => b.kind === 'footer' && b.lang === undefined);
  const badges = boxes.map((b, i) => ({ b, i })).filter((x) => x.b.kind === 'funding' && x.b.lang === undefined);
  for (const { b, i } of texts) {
    const floor = boxFloorPx(mode, b);
    if (b.fontPx !== undefined && b.fontPx + 0.01 < floor) {
      problems.push({ kind: 'below-floor', box: i, message: `${b.kind} text at ${pt(b.fontPx)} pt, below its floor of ${pt(floor)} pt` });
    }
    const bottom = b.kind !== 'footer' && footer ? footer.y : slide.h;
    if (b.x < -EPS || b.y < -EPS || b.x + b.w > slide.w + EPS || b.y + b.h > bottom + EPS) {
      problems.push({ kind: 'outside', box: i, message: `${b.kind} text outside the content area` });
    }
  }
  for (let a = 0; a < texts.length; a++) {
    for (let c = a + 1; c < texts.length; c++) {
      const x = texts[a];
      const y = texts[c];
      // Inside one chart, ECharts places its own labels (a value label may sit on an axis line).
      if (x && y && !(x.b.kind === 'chart' && y.b.kind === 'chart') && intersects(x.b, y.b)) problems.push({ kind: 'overlap', box: x.i, other: y.i, message: `${x.b.kind} text overlaps ${y.b.kind} text` });
    }
    const t = texts[a];
    if (!t) continue;
    for (const badge of badges) {
      if (t.b.kind !== 'funding' && intersects(t.b, badge.b) && !inside(t.b, badge.b)) {
        problems.push({ kind: 'overlap', box: t.i, other: badge.i, message: `${t.b.kind} text overlaps a funding badge` });
      }
    }
  }
  return problems;
}

const pt = (px: number) => (Math.round((px / PX_PER_PT) * 10) / 10).toString();

/** The slides, per mode, on which the recorded boxes show a problem (the `overflow` QA rule). */
export function problemSlides(plan: { modes: Partial<Record<Mode, readonly { id: string; boxes: readonly Box[] }[]>> }): Partial<Record<Mode, string[]>> {
  const out: Partial<Record<Mode, string[]>> = {};
  for (const mode of Object.keys(plan.modes) as Mode[]) {
    out[mode] = (plan.modes[mode] ?? []).filter((d) => findProblems(d.boxes, mode).length > 0).map((d) => d.id);
  }
  return out;
}
