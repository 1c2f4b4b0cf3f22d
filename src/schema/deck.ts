import { z } from 'zod';
import { Block, Logo } from './blocks.js';
import { Funding } from './funding.js';
import { ComparisonSlide, DividerSlide, FiguresSlide, TimelineSlide, slideCommon } from './layouts.js';
import { Bilingual, Id, describeValue } from './text.js';

/** A bullet point; `points` nests sub-bullets. */
export interface Point extends Bilingual {
  points?: Point[] | undefined;
}
export const Point: z.ZodType<Point> = Bilingual.extend({
  get points() {
    return z.array(Point).optional().describe('Nested bullet points');
  },
}).describe('A bullet point');

/**
 * Deepest nesting of bullet points. A slide cannot show more levels legibly, and 400 levels
 * overflowed the template renderer's stack (issue 10.12): refuse it as data, where it is written.
 */
export const MAX_POINT_DEPTH = 5;

function checkDepth(points: readonly Point[], path: (string | number)[], depth: number, ctx: z.RefinementCtx): boolean {
  for (const [i, point] of points.entries()) {
    if (!point.points) continue;
    const at = [...path, i, 'points'];
    if (depth === MAX_POINT_DEPTH) {
      ctx.addIssue({ code: 'custom', path: at, message: `bullet points nest at most ${MAX_POINT_DEPTH} levels deep; this list is level ${depth + 1}` });
      return false;
    }
    if (!checkDepth(point.points, at, depth + 1, ctx)) return false;
  }
  return true;
}

export const Initiative = z
  .strictObject({
    id: Id.optional(),
    label: Bilingual.optional().describe('A short tag shown above the title, e.g. 2025-26 Budget'),
    title: Bilingual.optional().describe('The initiative, e.g. 數碼港 / Cyberport'),
    points: z.array(Point).optional().describe(`Bullet points, nested at most ${MAX_POINT_DEPTH} levels deep`),
    paragraphs: z.array(Bilingual).optional().describe('Paragraphs without bullets'),
    funding: Funding.optional(),
  })
  .superRefine((ini, ctx) => {
    if (ini.points) checkDepth(ini.points, ['points'], 1, ctx);
  })
  .describe('One initiative: title, bullets or paragraphs, and its funding line');
export type Initiative = z.infer<typeof Initiative>;

const common = slideCommon;

export const TitleSlide = z.strictObject({
  layout: z.literal('title'),
  ...common,
  subtitle: Bilingual.optional(),
  venue: Bilingual.optional(),
  presenter: Bilingual.optional(),
});
export const StatementSlide = z.strictObject({
  layout: z.literal('statement'),
  ...common,
  heading: Bilingual,
  paragraphs: z.array(Bilingual).min(1),
});
export const OverviewSlide = z.strictObject({
  layout: z.literal('overview'),
  ...common,
  heading: Bilingual.describe('The list of areas is generated from `areas`'),
});
export const ClosingSlide = z.strictObject({
  layout: z.literal('closing'),
  ...common,
  message: Bilingual,
});
export const ContentSlide = z.strictObject({
  layout: z.literal('content').default('content'),
  ...common,
  heading: Bilingual.optional().describe('A heading above the slide\'s initiatives'),
  initiatives: z
    .array(Initiative)
    .min(1, { error: 'a slide needs at least one initiative' })
    .optional(),
  blocks: z.array(Block).min(1).max(2, { error: 'a slide holds at most two blocks' }).optional().describe('Tables, charts and images, after the initiatives'),
}).refine((s) => s.initiatives !== undefined || s.blocks !== undefined, {
  error: 'a slide needs at least one initiative',
  path: ['initiatives'],
});
export type ContentSlide = z.infer<typeof ContentSlide>;

export const LAYOUTS = ['title', 'statement', 'overview', 'closing', 'divider', 'figures', 'comparison', 'timeline'] as const;
export const AREA_LAYOUTS = ['content', 'divider', 'figures', 'comparison', 'timeline'] as const;

const layoutError = (layouts: readonly string[]) => (iss: { input: unknown }) => {
  const layout =
    typeof iss.input === 'object' && iss.input !== null && 'layout' in iss.input
      ? (iss.input as { layout: unknown }).layout
      : undefined;
  return `unknown layout: expected one of ${layouts.join(', ')}; found ${describeValue(layout)}`;
};

export const Slide = z.discriminatedUnion(
  'layout',
  [TitleSlide, StatementSlide, OverviewSlide, ClosingSlide, DividerSlide, FiguresSlide, ComparisonSlide, TimelineSlide],
  { error: layoutError(LAYOUTS) },
);
export type Slide = z.infer<typeof Slide>;

/** A slide inside an area: content (the default layout) or one of the layouts that suit an area. */
const withLayout = (input: unknown) =>
  typeof input === 'object' && input !== null && !Array.isArray(input) && !('layout' in input) ? { layout: 'content', ...input } : input;
export const AreaSlide = z.preprocess(
  withLayout,
  z.discriminatedUnion('layout', [ContentSlide, DividerSlide, FiguresSlide, ComparisonSlide, TimelineSlide], { error: layoutError(AREA_LAYOUTS) }),
);
export type AreaSlide = z.infer<typeof AreaSlide>;

export const Area = z
  .strictObject({
    id: Id,
    title: Bilingual.describe('The area title; its number comes from its position'),
    slides: z.array(AreaSlide).min(1, { error: 'an area needs at least one slide' }),
  })
  .describe('An area of key initiatives');
export type Area = z.infer<typeof Area>;

const IsoDate = z.iso.date({
  error: (iss) => `expected a date as YYYY-MM-DD, found ${describeValue(iss.input)}`,
});

export const Meta = z.strictObject({
  id: Id.refine((id) => id !== 'review', {
    error: 'the id "review" is taken by the review page (review.html); choose another id',
  }).describe('Used in output file names'),
  title: Bilingual.describe('Deck title: title slide, PDF metadata, running headers'),
  date: IsoDate.describe('Date of the briefing'),
  organisation: Bilingual,
  brand: z.string().default('brands/hkgov.yaml').describe('Brand file, relative to the deck file'),
  glossary: z.string().optional().describe('Glossary file, relative to the deck file'),
  dividers: z.boolean().default(false).describe('Put a section divider before each area'),
  logo: Logo.optional(),
});
export type Meta = z.infer<typeof Meta>;

export const Deck = z
  .strictObject({
    $schema: z.string().optional(),
    meta: Meta,
    intro: z.array(Slide).default([]).describe('Slides before the areas'),
    areas: z.array(Area).min(1, { error: 'a deck needs at least one area' }),
    outro: z.array(Slide).default([]).describe('Slides after the areas'),
  })
  .describe('A bideck bilingual briefing deck');
export type Deck = z.infer<typeof Deck>;
export type DeckInput = z.input<typeof Deck>;
