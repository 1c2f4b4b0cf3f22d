import type { DataPath } from '../load/yaml.js';
import type { Area, AreaSlide, Deck, Slide } from '../schema/deck.js';
import type { ImageAsset } from './images.js';
import type { TableBlock } from '../schema/blocks.js';
import type { Funding } from '../schema/funding.js';
import type { Bilingual } from '../schema/text.js';

export type Layout = Slide['layout'] | AreaSlide['layout'];

export type SegmentKind =
  | 'meta'
  | 'heading'
  | 'area'
  | 'title'
  | 'point'
  | 'paragraph'
  | 'funding'
  | 'message'
  | 'notes'
  | 'source'
  | 'label'
  | 'subtitle'
  | 'cell'
  | 'caption'
  | 'alt'
  | 'category';

/** One translatable unit: the smallest text that exists in both languages. */
export interface Segment {
  /** Stable id used by QA findings and XLIFF units, e.g. `ai-and-iam-smart.iam-smart.p1`. */
  id: string;
  kind: SegmentKind;
  /** Where the segment lives in the deck data (for line numbers and write-back). */
  path: DataPath;
  /** 1-based number of the first slide showing it (0 for deck metadata shown nowhere). */
  slide: number;
  text: Bilingual;
  funding?: Funding;
}

export interface AreaRef {
  number: number;
  id: string;
  title: Bilingual;
}

/** A slide as it will be shown: its data plus what the deck around it decides. */
export interface SlideModel {
  /** 1-based slide number, equal to the PDF page number. */
  number: number;
  id: string;
  layout: Layout;
  data: Slide | AreaSlide;
  /** A divider bideck added before an area (meta.dividers): it shows the area's title. */
  generated?: boolean;
  path: DataPath;
  area: AreaRef | undefined;
  /** True on the first slide of an area: it carries the area's bookmark. */
  opensArea: boolean;
  segments: Segment[];
  /** Set on the parts of a slide the layout stage continued onto further slides (src/layout/split.ts). */
  continuation?: Continuation;
}

export interface Continuation {
  /** 1-based part number; part 1 is the slide as the author wrote it, cut short. */
  part: number;
  parts: number;
  /** Id of the source slide. */
  of: string;
  /** Statement slides: the paragraphs' numbers in the source slide. */
  paragraphNumbers?: number[];
  /** The part that ends a continued table: every row of it, so its total counts them all (model/generated.ts tableView). */
  tableRows?: { block: number; rows: TableBlock['rows'] };
}

export interface DeckModel {
  deck: Deck;
  areas: AreaRef[];
  slides: SlideModel[];
  /** Every segment in reading order, including metadata. */
  segments: Segment[];
  /** Images the deck embeds, by the path written in the data (load/images.ts fills it). */
  images?: ReadonlyMap<string, ImageAsset>;
}

export type { Area, Bilingual, Deck, Funding };
