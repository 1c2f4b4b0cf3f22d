import { formatMilestone } from '../render/date.js';
import type { TableBlock } from '../schema/blocks.js';
import type { Bilingual } from '../schema/text.js';
import { formatAmount } from './amount-format.js';
import { chartAlt, chartData } from './chart-data.js';
import type { DeckModel, SlideModel } from './types.js';

/** An amount in both languages, written by bideck's formatters (2億元 / $200M). */
export function amountText(value: number, flags: { approximate?: boolean; over?: boolean } = {}): Bilingual {
  const zh = formatAmount(value, 'zh', { approximate: flags.approximate === true });
  const en = formatAmount(value, 'en', { approximate: flags.approximate === true });
  return flags.over ? { zh: `逾${zh}`, en: `over ${en}` } : { zh, en };
}

export interface CellView { text: Bilingual; amount: boolean; rowHeader: boolean }

/**
 * A table as shown: amounts written out, the first text column as row headers, the total summed.
 * `all` is every row of a table the layout continued (src/layout/split.ts): its last part shows
 * some rows but totals them all.
 */
export function tableView(t: TableBlock, all: TableBlock['rows'] = t.rows) {
  const firstText = t.columns[0]?.amounts !== true;
  const rows = t.rows.map((row) => ({
    cells: row.map((cell, c): CellView => ({
      text: typeof cell === 'number' ? amountText(cell) : cell,
      amount: typeof cell === 'number',
      rowHeader: c === 0 && firstText,
    })),
  }));
  const total = t.total
    ? t.columns.map((col, c): CellView => {
        if (c === 0 && firstText) return { text: t.total ?? { zh: '', en: '' }, amount: false, rowHeader: true };
        const sum = col.amounts ? all.reduce((n, r) => n + (typeof r[c] === 'number' ? r[c] : 0), 0) : undefined;
        return { text: sum === undefined ? { zh: '', en: '' } : amountText(sum), amount: sum !== undefined, rowHeader: false };
      })
    : undefined;
  return { columns: t.columns, rows, total, dense: all.length > 6 };
}

/** Every row of a table block, the rows of its earlier parts included when the layout continued it. */
export function allRows(slide: SlideModel, block: number, t: TableBlock): TableBlock['rows'] {
  const c = slide.continuation?.tableRows;
  return c && c.block === block ? c.rows : t.rows;
}

/** Characters chart axes may write besides the data's own amounts (ticks such as 120億元 / $12B). */
const AXIS_TEXT: Bilingual = { zh: '萬億元約逾最高0123456789.,', en: '$.,MB~over up to0123456789' };

/**
 * Text the templates write that is not a segment (figures, table amounts and totals, dates,
 * chart labels and alt text): the font subsets must hold its characters too.
 */
export function generatedText(model: DeckModel): Bilingual[] {
  const out: Bilingual[] = [AXIS_TEXT];
  for (const slide of model.slides) {
    const d = slide.data;
    if (d.layout === 'figures') d.figures.forEach((f) => out.push(amountText(f.amount, f)));
    if (d.layout === 'timeline') d.milestones.forEach((m) => out.push(formatMilestone(m.date)));
    if (d.layout !== 'content') continue;
    for (const [i, b] of (d.blocks ?? []).entries()) {
      if (b.type === 'table') {
        const v = tableView(b, allRows(slide, i, b));
        for (const c of [...v.rows.flatMap((r) => r.cells), ...(v.total ?? [])]) out.push(c.text);
      } else if (b.type === 'chart') {
        const data = chartData(b, model);
        out.push(chartAlt(b, data), { zh: '撥款', en: 'Funding' });
        data.series.forEach((s) => s.values.forEach((v) => out.push(amountText(v))));
      }
    }
  }
  return out;
}
