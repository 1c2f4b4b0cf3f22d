import { z } from 'zod';
import { Bilingual, describeValue } from './text.js';

/** An amount in HKD stored as a number, written by bideck's formatters in each language. */
export const HkdValue = z
  .number({ error: (iss) => `expected an amount in HKD as a number, found ${describeValue(iss.input)}` })
  .finite()
  .nonnegative({ error: 'expected an amount in HKD of zero or more' })
  .max(1e13, { error: 'amount is implausibly large (over HK$10 trillion)' });

export const TableColumn = z
  .strictObject({
    header: Bilingual.describe('Column header in both languages'),
    amounts: z.boolean().default(false).describe('The column holds amounts in HKD (numbers), right-aligned'),
  })
  .describe('A table column');

/** A cell: bilingual text, or an amount (a number) in an amount column. */
export const TableCell = z
  .union([HkdValue, Bilingual], {
    error: (iss) => `expected text in both languages (zh, en) or an amount in HKD as a number, found ${describeValue(iss.input)}`,
  })
  .describe('Text in both languages, or a number in an amount column');
export type TableCell = z.infer<typeof TableCell>;

export const TableBlock = z
  .strictObject({
    type: z.literal('table'),
    caption: Bilingual.optional().describe('Shown above the table; its accessible name'),
    columns: z.array(TableColumn).min(1, { error: 'a table needs at least one column' }).max(6, { error: 'a table has at most 6 columns' }),
    rows: z.array(z.array(TableCell)).min(1, { error: 'a table needs at least one row' }),
    total: Bilingual.optional().describe('Label of a total row computed from the amount columns'),
  })
  .superRefine((t, ctx) => {
    t.rows.forEach((row, r) => {
      if (row.length !== t.columns.length) {
        ctx.addIssue({ code: 'custom', path: ['rows', r], message: `row has ${row.length} cell(s); the table has ${t.columns.length} column(s)` });
        return;
      }
      row.forEach((cell, c) => {
        const amounts = t.columns[c]?.amounts === true;
        if (amounts && typeof cell !== 'number') {
          ctx.addIssue({ code: 'custom', path: ['rows', r, c], message: 'expected an amount in HKD as a number: this column holds amounts' });
        } else if (!amounts && typeof cell === 'number') {
          ctx.addIssue({ code: 'custom', path: ['rows', r, c], message: 'expected text in both languages (zh, en): set `amounts: true` on the column for numbers' });
        }
      });
    });
    if (t.total && !t.columns.some((c) => c.amounts)) {
      ctx.addIssue({ code: 'custom', path: ['total'], message: 'a total row needs a column with `amounts: true`' });
    }
  })
  .describe('A table with bilingual header and cells');
export type TableBlock = z.infer<typeof TableBlock>;

export const CHART_KINDS = ['bar', 'stacked'] as const;
export const CHART_SOURCES = ['funding-by-area'] as const;

export const ChartSeries = z.strictObject({
  name: Bilingual.describe('Series name (legend)'),
  values: z.array(HkdValue).min(1).describe('One amount in HKD per category'),
});

export const ChartBlock = z
  .strictObject({
    type: z.literal('chart'),
    kind: z.enum(CHART_KINDS).default('bar').describe('bar, or stacked bar (two or more series)'),
    direction: z
      .enum(['vertical', 'horizontal'])
      .optional()
      .describe('Bars upright or sideways; unset, upright unless the names or amounts would not fit under or above their bars'),
    caption: Bilingual.optional().describe('Shown above the chart'),
    from: z.enum(CHART_SOURCES).optional().describe('Build the data from the deck: the funding lines summed per area'),
    categories: z.array(Bilingual).min(1).max(12).optional().describe('Category labels (bars)'),
    series: z.array(ChartSeries).min(1).max(5).optional().describe('Values per category'),
  })
  .superRefine((c, ctx) => {
    if (c.from !== undefined) {
      if (c.categories || c.series) ctx.addIssue({ code: 'custom', path: ['from'], message: 'a chart takes its data either from `from` or from `categories` and `series`, not both' });
      if (c.kind === 'stacked') ctx.addIssue({ code: 'custom', path: ['kind'], message: 'a chart built from funding lines has one series: use kind bar' });
      return;
    }
    if (!c.categories) return ctx.addIssue({ code: 'custom', path: ['categories'], message: 'a chart needs `categories` and `series`, or `from: funding-by-area`' });
    if (!c.series) return ctx.addIssue({ code: 'custom', path: ['series'], message: 'a chart needs `series` with one value per category' });
    if (c.kind === 'stacked' && c.series.length < 2) ctx.addIssue({ code: 'custom', path: ['series'], message: 'a stacked bar chart needs at least two series' });
    if (c.kind === 'bar' && c.series.length > 1) ctx.addIssue({ code: 'custom', path: ['series'], message: 'a bar chart has one series; use kind stacked for more' });
    c.series.forEach((s, i) => {
      if (s.values.length !== c.categories?.length) {
        ctx.addIssue({ code: 'custom', path: ['series', i, 'values'], message: `expected ${c.categories?.length ?? 0} value(s), one per category; found ${s.values.length}` });
      }
    });
  })
  .describe('A bar or stacked bar chart of amounts in HKD, rendered to SVG at build time');
export type ChartBlock = z.infer<typeof ChartBlock>;

export const ImageRef = z
  .string({ error: (iss) => `expected a file path relative to the deck's folder, found ${describeValue(iss.input)}` })
  .regex(/\.(png|jpe?g|svg)$/i, { error: (iss) => `expected a .png, .jpg, .jpeg or .svg file, found ${describeValue(iss.input)}` })
  .describe('PNG, JPEG or SVG file inside the deck\'s folder');

export const ImageBlock = z
  .strictObject({
    type: z.literal('image'),
    file: ImageRef,
    alt: Bilingual.describe('What the image shows, for screen readers and tagged PDFs (required)'),
    caption: Bilingual.optional().describe('Shown under the image'),
  })
  .describe('A local image, embedded in the deck');
export type ImageBlock = z.infer<typeof ImageBlock>;

export const Logo = z
  .strictObject({ file: ImageRef, alt: Bilingual.describe('The logo\'s name in both languages') })
  .describe('A logo shown on the title and closing slides');
export type Logo = z.infer<typeof Logo>;

export const BLOCK_TYPES = ['table', 'chart', 'image'] as const;
export const Block = z.discriminatedUnion('type', [TableBlock, ChartBlock, ImageBlock], {
  error: (iss) => {
    const t = typeof iss.input === 'object' && iss.input !== null ? (iss.input as { type?: unknown }).type : undefined;
    return `unknown block type: expected one of ${BLOCK_TYPES.join(', ')}; found ${describeValue(t)}`;
  },
});
export type Block = z.infer<typeof Block>;
