import { formatAmount } from '../model/amount-format.js';
import type { DeckModel, SlideModel } from '../model/types.js';
import type { Block, TableBlock } from '../schema/blocks.js';
import type { Brand } from '../schema/brand.js';
import type { Bilingual } from '../schema/text.js';
import { chartAlt, chartData, chartSvg } from './chart.js';
import { formatMilestone } from './date.js';

/** An amount in both languages, written by bideck's formatters (2億元 / $200M). */
export function amountText(value: number, flags: { approximate?: boolean; over?: boolean } = {}): Bilingual {
  const zh = formatAmount(value, 'zh', { approximate: flags.approximate === true });
  const en = formatAmount(value, 'en', { approximate: flags.approximate === true });
  return flags.over ? { zh: `逾${zh}`, en: `over ${en}` } : { zh, en };
}

interface CellView { text: Bilingual; amount: boolean; rowHeader: boolean }

function tableView(t: TableBlock) {
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
        const sum = col.amounts ? t.rows.reduce((n, r) => n + (typeof r[c] === 'number' ? r[c] : 0), 0) : undefined;
        return { text: sum === undefined ? { zh: '', en: '' } : amountText(sum), amount: sum !== undefined, rowHeader: false };
      })
    : undefined;
  return { columns: t.columns, rows, total, dense: t.rows.length > 6 };
}

function blockView(block: Block, model: DeckModel, brand: Brand) {
  switch (block.type) {
    case 'table':
      return { table: tableView(block), caption: block.caption };
    case 'chart': {
      const data = chartData(block, model);
      return {
        chart: { zh: chartSvg(block, data, 'zh', brand), en: chartSvg(block, data, 'en', brand), bi: chartSvg(block, data, 'bi', brand), alt: chartAlt(block, data) },
        caption: block.caption,
      };
    }
    case 'image':
      return { image: { uri: model.images?.get(block.file)?.uri ?? '', alt: block.alt, svg: block.file.toLowerCase().endsWith('.svg') }, caption: block.caption };
  }
}

/** What a slide's template needs beyond its data: formatted figures, dates, charts, images. */
export function slideView(slide: SlideModel, model: DeckModel, brand: Brand): Record<string, unknown> {
  const data = slide.data;
  const logo = model.deck.meta.logo;
  const view: Record<string, unknown> = {
    logo: logo ? { uri: model.images?.get(logo.file)?.uri ?? '', alt: logo.alt } : undefined,
  };
  if (data.layout === 'content' && data.blocks) {
    view.blocks = data.blocks.map((b) => blockView(b, model, brand));
    // Initiatives and blocks on one slide sit side by side: cards left, the block right.
    view.mixed = data.initiatives !== undefined;
  }
  if (data.layout === 'figures') view.figures = data.figures.map((f) => ({ amount: amountText(f.amount, f), label: f.label }));
  if (data.layout === 'timeline') view.milestones = data.milestones.map((m) => ({ date: formatMilestone(m.date), iso: m.date, text: m.text }));
  return view;
}

/**
 * Text the templates write that is not a segment (figures, table amounts and totals, dates,
 * chart labels and alt text): the font subsets must hold its characters too.
 */
export function generatedText(model: DeckModel): Bilingual[] {
  const out: Bilingual[] = [];
  for (const slide of model.slides) {
    const d = slide.data;
    if (d.layout === 'figures') d.figures.forEach((f) => out.push(amountText(f.amount, f)));
    if (d.layout === 'timeline') d.milestones.forEach((m) => out.push(formatMilestone(m.date)));
    if (d.layout !== 'content') continue;
    for (const b of d.blocks ?? []) {
      if (b.type === 'table') {
        const v = tableView(b);
        for (const c of [...v.rows.flatMap((r) => r.cells), ...(v.total ?? [])]) out.push(c.text);
      } else if (b.type === 'chart') {
        const data = chartData(b, model);
        out.push(chartAlt(b, data), { zh: '撥款0元', en: 'Funding$0' });
        data.series.forEach((s) => s.values.forEach((v) => out.push(amountText(v))));
      }
    }
  }
  return out;
}
