import { plainText } from '../render/markdown.js';
import type { ChartBlock } from '../schema/blocks.js';
import type { Bilingual } from '../schema/text.js';
import { formatAmount } from './amount-format.js';
import type { DeckModel } from './types.js';

export interface ChartData {
  categories: Bilingual[];
  series: { name: Bilingual; values: number[] }[];
}

/** The chart's numbers: as written in the data, or summed from the deck's funding lines per area. */
export function chartData(block: ChartBlock, model: DeckModel): ChartData {
  if (block.from === 'funding-by-area') {
    const values = model.deck.areas.map((area) =>
      area.slides.reduce((sum, s) => sum + (s.layout === 'content' ? (s.initiatives ?? []).reduce((n, i) => n + (i.funding?.amounts.reduce((a, b) => a + b, 0) ?? 0), 0) : 0), 0),
    );
    return { categories: model.deck.areas.map((a) => a.title), series: [{ name: { zh: '撥款', en: 'Funding' }, values }] };
  }
  return { categories: block.categories ?? [], series: block.series ?? [] };
}

/** Alt text generated from the data, in both languages: every category with its amounts. */
export function chartAlt(block: ChartBlock, data: ChartData): Bilingual {
  const kind = { zh: block.kind === 'stacked' ? '堆疊棒形圖' : '棒形圖', en: block.kind === 'stacked' ? 'Stacked bar chart' : 'Bar chart' };
  const one = (lang: 'zh' | 'en') => {
    const items = data.categories.map((c, i) => {
      const parts = data.series.map((s) => (data.series.length > 1 ? `${plainText(s.name[lang])} ` : '') + formatAmount(s.values[i] ?? 0, lang));
      return `${plainText(c[lang])}${lang === 'zh' ? '：' : ': '}${parts.join(lang === 'zh' ? '，' : ', ')}`;
    });
    return lang === 'zh' ? `${kind.zh}。${items.join('；')}。` : `${kind.en}. ${items.join('; ')}.`;
  };
  return { zh: one('zh'), en: one('en') };
}
