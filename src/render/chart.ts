import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';
import { formatAmount } from '../model/amount-format.js';
import type { ChartData } from '../model/chart-data.js';
import type { SlideModel } from '../model/types.js';
import type { ChartBlock } from '../schema/blocks.js';
import type { Brand } from '../schema/brand.js';
import type { Bilingual } from '../schema/text.js';
import { FAMILY } from './css.js';
import { plainText } from './markdown.js';
import { CJK, markLine } from './phrases.js';

export type { ChartData };
export type ChartLang = 'bi' | 'zh' | 'en';

/**
 * ECharts, loaded on the first chart drawn: its ES module entry is hundreds of files, which
 * the module loader took ~0.35 s to resolve at the start of every build, charts or none. Its
 * CommonJS entry is one prebuilt file, loaded only by decks that have a chart.
 */
let loaded: typeof Echarts | undefined;
const echarts = (): typeof Echarts => (loaded ??= createRequire(import.meta.url)('echarts') as typeof Echarts);

/**
 * The drawing's own size in CSS px, as its box on the slide is (deck.css: at most 420 px high),
 * so it is shown at about 1:1 and its labels at the sizes set here, 16–20 px (12–15 pt), never
 * scaled down to a fraction of that: a chart alone in the body, or beside initiatives (half the
 * body). The layout stage measures the labels as drawn and holds them to a floor (layout/decide.ts).
 */
export const CHART_SIZE = { width: 1100, height: 420 } as const;
export const CHART_SIZE_BESIDE = { width: 640, height: 420 } as const;
export type ChartSize = { readonly width: number; readonly height: number };

/** The size a chart is drawn at on its slide: beside the slide's initiatives, or alone in the body. */
export function chartSizeOn(slide: SlideModel['data']): ChartSize {
  return slide.layout === 'content' && slide.initiatives?.length ? CHART_SIZE_BESIDE : CHART_SIZE;
}

const amount = (n: number, lang: ChartLang) => formatAmount(n, lang === 'en' ? 'en' : 'zh');
/** Value labels: in the bilingual chart, both wordings on two lines, except inside stacked segments (no room). */
const valueLabel = (n: number, lang: ChartLang, stacked: boolean) =>
  lang === 'bi' && !stacked ? `${formatAmount(n, 'zh')}\n${formatAmount(n, 'en')}` : amount(n, lang);

/**
 * The chart as static SVG markup, drawn at build time by ECharts' server-side SVG renderer (no
 * DOM, no browser, no script at view time). Its text is real <text> in the brand's embedded
 * faces, so the PDF keeps it as text in the brand subsets (fonts/charset.ts adds the labels).
 */
/** Width of a text in em, roughly: ideographs and full-width forms 1, Latin letters and digits ½ (Noto Sans). */
function ems(text: string): number {
  let n = 0;
  for (const ch of text) n += CJK.test(ch) ? 1 : 0.5;
  return n;
}

/** A Chinese name in lines no wider than `width` px at `fontPx`, broken between its phrases only. */
function wrapAtPhrases(text: string, width: number, fontPx: number): string {
  const cuts = markLine(text, 'zh').breaks;
  const phrases = [0, ...cuts].map((start, i) => text.slice(start, cuts[i] ?? text.length));
  const lines: string[] = [];
  let line = '';
  for (const phrase of phrases) {
    if (line && ems(line + phrase) * fontPx > width) {
      lines.push(line);
      line = phrase;
    } else line += phrase;
  }
  return [...lines, line].join('\n');
}

/**
 * Upright bars unless the data says otherwise, or unless a category's name (its longest English
 * word; its Chinese on two lines) or a value's label would not fit the width of its bar's slot:
 * then sideways, where names get their own column and values their own row. One choice for all
 * three languages, so the modes show the same chart; the PowerPoint chart follows it too.
 */
export function chartDirection(block: ChartBlock, data: ChartData, size: ChartSize = CHART_SIZE): 'vertical' | 'horizontal' {
  if (block.direction) return block.direction;
  const slot = (size.width - 96) / Math.max(1, data.categories.length) - 12;
  const names = data.categories.map((c) => Math.max(20 * Math.max(...plainText(c.en).split(/\s+/).map(ems)), 20 * Math.ceil(ems(plainText(c.zh)) / 2)));
  const values = block.kind === 'stacked' ? [] : data.series.flatMap((s) => s.values).map((v) => 19 * Math.max(ems(formatAmount(v, 'zh')), ems(formatAmount(v, 'en'))));
  // The widths are estimates: a name a few pixels over still fits in practice.
  return Math.max(...names, ...values) > slot * 1.05 ? 'horizontal' : 'vertical';
}

export function chartSvg(block: ChartBlock, data: ChartData, lang: ChartLang, brand: Brand, size: ChartSize = CHART_SIZE): string {
  const p = brand.palette;
  // Single quotes: ECharts writes the family into a double-quoted style attribute.
  const fontFamily = lang === 'en' ? `'${FAMILY.en}', '${FAMILY.zh}'` : `'${FAMILY.zh}'`;
  const colours = [p.primary, p.accent, p.muted, p.funding, p.text];
  const horizontal = chartDirection(block, data, size) === 'horizontal';
  const stacked = block.kind === 'stacked';
  // Category names are data: every one is shown, wrapped at word breaks to its share of the
  // width (beside the bars, at most 30% of the chart). Value-axis ticks are a scale: where two
  // would overlap (a narrow chart, long amounts), one is left out.
  const nameWidth = horizontal ? Math.round(size.width * 0.3) : Math.floor((size.width - 96) / Math.max(1, data.categories.length)) - 12;
  // Chinese names wrap at their phrases (render/phrases.ts), as the slides' text does: ECharts
  // alone would cut 大學科技初創企業資 / 助計劃 wherever the width ends.
  const name = (c: Bilingual) => {
    const zh = wrapAtPhrases(plainText(c.zh), nameWidth, 20);
    return lang === 'bi' ? `${zh}\n${plainText(c.en)}` : lang === 'zh' ? zh : plainText(c.en);
  };
  const categoryAxis = { type: 'category' as const, data: data.categories.map(name), axisLabel: { color: p.text, fontSize: 20, interval: 0, width: nameWidth, overflow: 'break' as const }, axisTick: { show: false }, axisLine: { lineStyle: { color: p.muted } } };
  const valueAxis = { type: 'value' as const, axisLabel: { color: p.muted, fontSize: 17, hideOverlap: true, formatter: (v: number) => amount(v, lang) }, splitLine: { lineStyle: { color: p.surface } } };
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      animation: false,
      color: colours,
      textStyle: { fontFamily, color: p.text },
      // Room above the tallest bar for its value label: two lines (中文 and English) in the bilingual chart.
      grid: { left: 16, right: horizontal ? 110 : 24, top: lang === 'bi' && !horizontal && !stacked ? 76 : 48, bottom: 8, containLabel: true },
      // The series' names are the deck's text: shown for one series too (「撥款」 over a bar chart).
      legend: { top: 0, left: 'center', itemGap: 28, textStyle: { fontSize: 16, color: p.text } },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: data.series.map((s, i) => ({
        type: 'bar',
        // One line in the legend: both names in the bilingual chart (中文 first).
        name: lang === 'bi' ? `${plainText(s.name.zh)} ${plainText(s.name.en)}` : plainText(s.name[lang]),
        data: s.values,
        barMaxWidth: 90,
        ...(stacked ? { stack: 'total' } : {}),
        label: {
          show: true,
          position: stacked ? 'inside' : horizontal ? 'right' : 'top',
          fontSize: 19,
          fontWeight: 700,
          color: stacked ? p.onPrimary : p.text,
          formatter: (x: { value: unknown }) => valueLabel(Number(x.value), lang, stacked),
        },
        itemStyle: { color: colours[i % colours.length] },
        // A segment too thin for its amount: the label is left out rather than printed over its
        // neighbour's (the amounts are in the chart's alt text and its PowerPoint data sheet).
        ...(stacked ? { labelLayout: { hideOverlap: true } } : {}),
      })),
    });
    return cleanSvg(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** Drop ECharts' hover styles and interaction attributes: the chart is a picture, not a widget. */
function cleanSvg(svg: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/ pointer-events="[^"]*"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/^<svg /, '<svg aria-hidden="true" focusable="false" ');
}
