import type { Mode } from '../render/deck.js';

/**
 * The layout stage's decisions, as plain data. One stage measures the slides in the print
 * view (src/layout/measure.ts), a pure function decides (src/layout/decide.ts), and every
 * consumer reads the result: the HTML decks and PDFs (attributes on each <section>), the review
 * page, the handout, the QA findings (rule `overflow`) and, later, a PowerPoint writer, which
 * places native shapes from `boxes`. Written beside the decks as `<id>.layout.json`.
 *
 * Units: CSS px on the 1280×720 slide (the PDF page is 960×540 pt: 1 pt = 4/3 px).
 */
export interface LayoutPlan {
  /** Format version of this file; bumped when a field changes meaning. */
  version: 1;
  /** sha256 of what the decisions depend on (slides' HTML, CSS, fonts, bideck version). */
  hash: string;
  /** The browser that measured it (e.g. `Chrome/131.0.6778.85`): a PDF build reuses a cached plan only from the same one. */
  browser: string;
  /** Source slides that continue on further slides: the split is shared by every mode. */
  splits: SlideSplit[];
  /** Per mode, per output slide (in order, continuation slides included). */
  modes: Partial<Record<Mode, SlideDecision[]>>;
  /** Where the lines of each mode break at phrase breaks, for the PDFs to drop the rest (export/breaks.ts). */
  lines?: PhraseLines;
}

/**
 * The phrase breaks (render/phrases.ts writes a <wbr> at each) that lines break at, as the
 * layout stage measured them, so the print view can drop the others before it lays the deck
 * out, and check it after. Indices count the deck's <wbr> in document order; a block is the
 * element with a `lang` that holds them, in the order of its first <wbr>.
 */
export interface PhraseLines {
  /** How many <wbr> the measured deck has: a record of another document is not used. */
  wbr: number;
  modes: Partial<Record<Mode, ModeLines>>;
  /**
   * Prints that checked the record (export/breaks.ts): a print of the same modes trusts it, and
   * lays its pages out only once, in `page.pdf()`.
   */
  checked?: CheckedPrint[];
}

/** A print of these modes, each checked with the unused breaks gone, and the blocks that moved. */
export interface CheckedPrint {
  modes: Mode[];
  /**
   * Blocks (indices) that keep every <wbr>: without the unused ones their lines moved (text
   * shaped as one run can differ from the same text in pieces).
   */
  whole: number[];
}

export interface ModeLines {
  /** Each block's width and height in CSS px, two numbers a block; -1, -1 where it is not shown. */
  sizes: number[];
  /** The <wbr> (indices) a line of this mode breaks at, ascending within a block. */
  used: number[];
}

/** One source slide cut into parts; part 1 keeps the slide's id, part k is `<id>--k`. */
export interface SlideSplit {
  /** Id of the source slide (as in the deck data, or `slide-<n>` when it has none). */
  slide: string;
  parts: SlidePart[];
}

/** What one part of a split slide shows. */
export interface SlidePart {
  /** Content slides: the initiatives shown, by index in the source slide. */
  initiatives?: InitiativePart[];
  /** Statement slides: the paragraphs shown, by index. */
  paragraphs?: number[];
  /**
   * Content slides with blocks (tables, charts, images): which part shows them. Unset, they close
   * the last part; `false`, this part shows none (its initiatives went first); a table range, this
   * part shows rows [from, to) of that table (issue 11: tables split by rows, the header repeated,
   * the total row and the other blocks on the part that ends the table).
   */
  blocks?: false | TableRows;
  /** Comparison slides: the points [from, to) each column shows, its heading repeated. */
  points?: [from: number, to: number];
  /** Timeline slides: the milestones [from, to) shown. */
  milestones?: [from: number, to: number];
}

export interface TableRows {
  /** Index of the table among the slide's blocks. */
  block: number;
  rows: [from: number, to: number];
}

export interface InitiativePart {
  index: number;
  /** The rows shown: top-level points (optionally only some of their sub-points, the parent repeated) and paragraphs. */
  rows: Row[];
  /** The funding line goes with the last part of its initiative. */
  funding: boolean;
}

export type Row =
  | { kind: 'point'; index: number; sub?: [from: number, to: number] }
  | { kind: 'para'; index: number };

/** The size step and columns chosen for one slide in one mode, and where everything ended up. */
export interface SlideDecision {
  /** Output slide id (continuation parts: `<id>--2`, …). */
  id: string;
  number: number;
  /** Text size factor applied to the slide's scalable text (1 = the design size); floors still apply. */
  fit: number;
  /** Columns of a single initiative's list (1 or 2). */
  columns: 1 | 2;
  /** Index of the card given a wider column than the others (cards in a row), when one is. */
  wide?: number;
  /** Every block as laid out in this mode, in CSS px relative to the slide's top-left corner. */
  boxes: Box[];
}

export type BlockKind =
  | 'header' | 'title' | 'heading' | 'point' | 'paragraph' | 'funding' | 'card' | 'footer' | 'text'
  // Issue 11's elements: a source line is furniture with a higher floor (10 pt); the rest are body text.
  | 'source' | 'caption' | 'cell' | 'date' | 'milestone' | 'label' | 'figure'
  // A label drawn inside a chart (axis, value, legend): its size as drawn, the SVG's scale included.
  | 'chart';

export interface Box {
  kind: BlockKind;
  /** Language of a text block. */
  lang?: 'zh' | 'en';
  /** Segment id the text belongs to, when it is deck text. */
  segment?: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Computed font size in CSS px (text blocks). */
  fontPx?: number;
}
