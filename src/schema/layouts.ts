import { z } from 'zod';
import { HkdValue } from './blocks.js';
import { Bilingual, Id, Notes, describeValue } from './text.js';

/** Fields every slide may have. */
export const slideCommon = {
  id: Id.optional(),
  notes: Notes.optional(),
  source: Bilingual.optional().describe('Source or footnote line at the foot of the slide'),
};

export const DividerSlide = z
  .strictObject({
    layout: z.literal('divider'),
    ...slideCommon,
    heading: Bilingual,
    subheading: Bilingual.optional(),
  })
  .describe('A section divider (meta.dividers adds one before each area by itself)');
export type DividerSlide = z.infer<typeof DividerSlide>;

export const KeyFigure = z
  .strictObject({
    amount: HkdValue.describe('The figure in HKD; written by bideck in each language (2億元 / $200M)'),
    over: z.boolean().default(false).describe('Written as 逾 / over'),
    approximate: z.boolean().default(false).describe('Written as 約 / ~'),
    label: Bilingual.describe('What the figure counts'),
  })
  .describe('One big figure');
export type KeyFigure = z.infer<typeof KeyFigure>;

export const FiguresSlide = z
  .strictObject({
    layout: z.literal('figures'),
    ...slideCommon,
    heading: Bilingual.optional(),
    figures: z
      .array(KeyFigure)
      .min(1, { error: 'a key-figure slide needs one to three figures' })
      .max(3, { error: 'a key-figure slide holds at most three figures' }),
  })
  .describe('One to three big figures with labels');
export type FiguresSlide = z.infer<typeof FiguresSlide>;

export const ComparisonColumn = z.strictObject({
  heading: Bilingual.describe('The column\'s own heading, e.g. 2024-25'),
  points: z.array(Bilingual).min(1, { error: 'a column needs at least one point' }),
});

export const ComparisonSlide = z
  .strictObject({
    layout: z.literal('comparison'),
    ...slideCommon,
    heading: Bilingual.optional(),
    columns: z
      .array(ComparisonColumn)
      .length(2, { error: 'a comparison has exactly two columns' }),
  })
  .describe('Two columns side by side, each with its heading');
export type ComparisonSlide = z.infer<typeof ComparisonSlide>;

const MonthOrDay = z
  .string({ error: (iss) => `expected a date as YYYY-MM or YYYY-MM-DD, found ${describeValue(iss.input)}` })
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, {
    error: (iss) => `expected a date as YYYY-MM or YYYY-MM-DD, found ${describeValue(iss.input)}`,
  });

export const Milestone = z.strictObject({
  date: MonthOrDay.describe('Written per language: 2025年3月 / March 2025'),
  text: Bilingual,
});

export const TimelineSlide = z
  .strictObject({
    layout: z.literal('timeline'),
    ...slideCommon,
    heading: Bilingual.optional(),
    milestones: z
      .array(Milestone)
      .min(2, { error: 'a timeline needs at least two milestones' })
      .max(6, { error: 'a timeline holds at most six milestones' }),
  })
  .describe('Dated milestones in order');
export type TimelineSlide = z.infer<typeof TimelineSlide>;
