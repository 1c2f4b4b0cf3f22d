import type { Mode } from '../render/deck.js';

/**
 * Measured slide geometry: what the PowerPoint writer needs to know about the real layout.
 *
 * Plain data, in CSS px on the 1280×720 slide (origin top left), one entry per page of the
 * print view, so a slide the layout split into continuation pages comes as several entries with
 * the same `slideId`. Today src/export/boxes.ts measures it in the print view just before each
 * mode's PDF is printed; the layout stage (issue 9) can hand over the same shape from its own
 * measurements, and nothing downstream changes.
 */
export interface MeasuredSlide {
  /** The model slide this page shows (SlideModel.id). */
  slideId: string;
  mode: Mode;
  /** 1-based page of this mode's PDF; continuation pages follow their slide's first page. */
  page: number;
  /** Slide background colour (#rrggbb). */
  background: string;
  /** In paint order: shapes first where the DOM has them behind text. */
  blocks: MeasuredBlock[];
}

/** A rectangle in CSS px on the 1280×720 slide. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type TextKind =
  /** The slide's title (title placeholder in PowerPoint: outline view, screen readers). */
  | 'title'
  /** A bullet point's own text (without its sub-points); `level` says how deep. */
  | 'point'
  /** Any other text in the slide body: card titles, paragraphs, funding lines, numbers. */
  | 'text'
  /** The running footer: wordmark, section, slide number. */
  | 'footer';

export type ShapeKind =
  /** A large filled area: the header band. */
  | 'band'
  /** The panel behind an initiative, a statement paragraph or an overview area. */
  | 'card'
  /** A small filled box: area number, paragraph index, funding line. */
  | 'badge'
  /** A line, drawn as a thin filled rectangle: a border or the title rule. */
  | 'rule'
  /** The square in front of a bullet point (filled, or outlined for sub-points). */
  | 'bullet';

export interface MeasuredText {
  kind: TextKind;
  box: Box;
  /** The segment (model/segments.ts) whose text this is, in language `lang`. */
  segmentId?: string;
  /**
   * Where text without a segment comes from: `area:<areaId>` (an area title), `meta.title`,
   * `meta.organisation`, `wordmark`; or absent for generated text (numbers, dates), which then
   * comes in `text`.
   */
  source?: string;
  /** The text as shown, for generated text (numbers, dates) that no segment holds. */
  text?: string;
  /** For such text in both languages (a key figure, a milestone's date): its pair on the page, so the two share a box. */
  pair?: number;
  lang: 'zh' | 'en';
  fontPx: number;
  /** CSS line height in px (the PowerPoint paragraph gets exactly this line spacing). */
  lineHeightPx: number;
  bold: boolean;
  color: string;
  align: 'left' | 'center' | 'right';
  /** Centred vertically in its box (badges). */
  middle?: boolean;
  /** Bullet depth, 1 for top-level points. */
  level?: number;
  /** One line that must not wrap (footer items, numbers). */
  nowrap?: boolean;
}

export interface MeasuredShape {
  kind: ShapeKind;
  box: Box;
  /** Fill colour (#rrggbb); absent for an outline only. */
  fill?: string;
  /** Outline colour and width in px. */
  stroke?: { color: string; px: number };
}

/** Cell text styles of a measured table: what PowerPoint's table cells get. */
export interface CellStyle {
  fontPx: { zh: number; en: number };
  color: { zh: string; en: string };
  bold: { zh: boolean; en: boolean };
  fill?: string;
}

/**
 * A table block (data-table): drawn as a native PowerPoint table from the slide's data, so only
 * its geometry and styles are measured. Rows: header, body rows, total, top to bottom.
 */
export interface MeasuredTable {
  box: Box;
  /** Index of the block in the slide's `blocks`. */
  block: number;
  /** Data rows shown on this page (0-based), in order; a continued table shows some. */
  bodyRows?: number[];
  /** Column widths and row heights in px. */
  cols: number[];
  rows: number[];
  head: CellStyle;
  body: CellStyle;
  /** Body cells of the first column when it holds row headers (<th scope=row>). */
  rowHead: CellStyle;
  total?: CellStyle;
  /** The rule under each row. */
  rule: string;
  /** The rule over the total row; `total` is absent on a page without it. */
  totalRule?: { color: string; px: number };
}

/** A chart block: a native chart from the slide's data at the box its drawing takes. */
export interface MeasuredChart {
  box: Box;
  block: number;
}

/** A picture: an image block (its index in `blocks`) or the deck's logo, at its drawn box. */
export interface MeasuredImage {
  box: Box;
  block: number | 'logo';
  /** A PNG data URI of an SVG picture, drawn in the print view (PowerPoint needs one beside it). */
  png?: string;
}

export type MeasuredBlock =
  | ({ type: 'text' } & MeasuredText)
  | ({ type: 'shape' } & MeasuredShape)
  | ({ type: 'table' } & MeasuredTable)
  | ({ type: 'chart' } & MeasuredChart)
  | ({ type: 'image' } & MeasuredImage);

/** The size of a slide in CSS px, as reveal.js lays it out (render/deck.ts REVEAL_CONFIG). */
export const SLIDE_PX = { w: 1280, h: 720 } as const;
