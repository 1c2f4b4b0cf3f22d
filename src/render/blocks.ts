import { chartAlt, chartData } from '../model/chart-data.js';
import { allRows, amountText, tableView } from '../model/generated.js';
import type { DeckModel, SlideModel } from '../model/types.js';
import type { Block } from '../schema/blocks.js';
import type { Brand } from '../schema/brand.js';
import { chartSizeOn, chartSvg } from './chart.js';
import { formatMilestone } from './date.js';

function blockView(block: Block, index: number, slide: SlideModel, model: DeckModel, brand: Brand) {
  switch (block.type) {
    case 'table':
      return { table: tableView(block, allRows(slide, index, block)), caption: block.caption };
    case 'chart': {
      const data = chartData(block, model);
      const size = chartSizeOn(slide.data);
      const svg = (lang: 'zh' | 'en' | 'bi') => chartSvg(block, data, lang, brand, size);
      return {
        chart: { zh: svg('zh'), en: svg('en'), bi: svg('bi'), alt: chartAlt(block, data) },
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
    // Initiatives and blocks on one slide sit side by side: cards left, the block right.
    view.mixed = data.initiatives !== undefined;
    view.blocks = data.blocks.map((b, i) => blockView(b, i, slide, model, brand));
  }
  if (data.layout === 'figures') view.figures = data.figures.map((f) => ({ amount: amountText(f.amount, f), label: f.label }));
  if (data.layout === 'timeline') view.milestones = data.milestones.map((m) => ({ date: formatMilestone(m.date), iso: m.date, text: m.text }));
  return view;
}
