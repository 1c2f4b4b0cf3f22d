import type * as pptxgen from 'pptxgenjs';
import { formatAmount } from '../model/amount-format.js';
import { chartData } from '../model/chart-data.js';
import { tableView } from '../model/generated.js';
import type { CellView } from '../model/generated.js';
import type { DeckModel } from '../model/types.js';
import type { Mode } from '../render/deck.js';
import { chartDirection } from '../render/chart.js';
import type { ChartSize } from '../render/chart.js';
import { plainText } from '../render/markdown.js';
import type { ChartBlock, ImageBlock, TableBlock } from '../schema/blocks.js';
import type { Brand } from '../schema/brand.js';
import type { Bilingual } from '../schema/text.js';
import type { CellStyle, MeasuredChart, MeasuredImage, MeasuredTable } from './boxes.js';

type Pptx = pptxgen.default;
type Slide = pptxgen.default.Slide;
type TableRow = pptxgen.default.TableRow;
type TextProps = pptxgen.default.TextProps;

/** Office's proofing languages (zh-Hant-HK is not one of its tags). */
const LANG = { zh: 'zh-HK', en: 'en-GB' } as const;
const inches = (px: number) => px / 96;
const pt = (px: number) => Math.round(px * 0.75 * 100) / 100;
const colour = (hex: string) => hex.replace('#', '').toUpperCase();
const langsOf = (mode: Mode) => (mode === 'bi' ? (['zh', 'en'] as const) : [mode]);
const position = (b: { x: number; y: number; w: number; h: number }) => ({ x: inches(b.x), y: inches(b.y), w: inches(b.w), h: inches(b.h) });

/**
 * A table block as a native PowerPoint table from the same view the HTML renders (model
 * tableView: amounts written by bideck's formatters, right-aligned, the total row summed), at
 * the measured box: each cell holds one paragraph per language of the mode, each with its
 * language, so proofing and screen readers work cell by cell.
 */
export function addTable(slide: Slide, t: MeasuredTable, block: TableBlock, mode: Mode, fonts: Brand['office']): void {
  const view = tableView(block);
  const total = t.totalRule ? { type: 'solid' as const, pt: pt(t.totalRule.px), color: colour(t.totalRule.color) } : { type: 'none' as const };
  // The rule over the total is also the last body row's bottom border: a client that lets the
  // upper cell's border win (LibreOffice) draws it either way.
  const row = (cells: readonly CellView[], style: CellStyle, head: boolean, last = false, aboveTotal = false): TableRow =>
    cells.map((cell, c) => ({
      text: cellText(cell.text, mode, cell.rowHeader && style === t.body ? t.rowHead : style, fonts),
      options: {
        align: cell.amount || (head && block.columns[c]?.amounts) ? 'right' : 'left',
        valign: 'top',
        ...(style.fill ? { fill: { color: colour(style.fill) } } : {}),
        margin: [inches(6), inches(12), inches(6), inches(12)],
        border: last ? [total, { type: 'none' }, { type: 'none' }, { type: 'none' }] : [{ type: 'none' }, { type: 'none' }, head ? { type: 'none' } : aboveTotal ? total : { type: 'solid', pt: 0.75, color: colour(t.rule) }, { type: 'none' }],
      },
    }));
  const body = t.bodyRows ? t.bodyRows.flatMap((i) => view.rows[i] ?? []) : view.rows;
  const totalRow = view.total && t.total ? view.total : undefined;
  const rows: TableRow[] = [
    row(block.columns.map((col) => ({ text: col.header, amount: col.amounts, rowHeader: false })), t.head, true),
    ...body.map((r, i) => row(r.cells, t.body, false, false, totalRow !== undefined && i === body.length - 1)),
    ...(totalRow ? [row(totalRow, t.total ?? t.body, false, true)] : []),
  ];
  slide.addTable(rows, { ...position(t.box), colW: t.cols.map(inches), rowH: t.rows.map(inches), autoPage: false, objectName: `table${t.block + 1}` });
}

function cellText(text: Bilingual, mode: Mode, style: CellStyle, fonts: Brand['office']): TextProps[] {
  const langs = langsOf(mode);
  return langs.map((l, i) => ({
    text: plainText(text[l]),
    options: { lang: LANG[l], fontFace: fonts[l], fontSize: pt(style.fontPx[l]), bold: style.bold[l], color: colour(style.color[l]), ...(i < langs.length - 1 ? { breakLine: true } : {}) },
  }));
}

/**
 * A chart block as a native, editable bar chart (its data sheet holds the numbers): the same
 * categories, series and brand colours as the SVG, labels in the mode's language(s). Values are
 * stored in the unit the labels use (億元 in Chinese, $B or $M in English), since a number
 * format cannot divide by 10^8; the unit is in the format, so the labels read as bideck writes.
 */
export function addChart(pptx: Pptx, slide: Slide, m: MeasuredChart, block: ChartBlock, model: DeckModel, brand: Brand, mode: Mode, size: ChartSize): void {
  const data = chartData(block, model);
  // Upright or sideways as the deck's SVG chart is (render/chart.ts chartDirection).
  const horizontal = chartDirection(block, data, size) === 'horizontal';
  const lang = mode === 'en' ? 'en' : 'zh';
  const max = Math.max(...data.series.flatMap((s) => s.values), 0);
  const unit = lang === 'zh' ? { div: 1e8, fmt: '#,##0.##"億元"' } : max >= 1e9 ? { div: 1e9, fmt: '"$"#,##0.##"B"' } : { div: 1e6, fmt: '"$"#,##0.##"M"' };
  const label = (b: Bilingual) => (mode === 'bi' ? `${plainText(b.zh)}\n${plainText(b.en)}` : plainText(b[mode]));
  const p = brand.palette;
  const stacked = block.kind === 'stacked';
  const font = brand.office[lang];
  slide.addChart(
    pptx.ChartType.bar,
    data.series.map((s) => ({ name: label(s.name), labels: data.categories.map(label), values: s.values.map((v) => v / unit.div) })),
    {
      ...position(m.box),
      barDir: horizontal ? 'bar' : 'col',
      barGrouping: stacked ? 'stacked' : 'clustered',
      ...(stacked ? { overlap: 100 } : {}),
      // One colour per series, as in the SVG: pptxgenjs colours a one-series bar chart point by
      // point when it is given more than one.
      chartColors: [p.primary, p.accent, p.muted, p.funding, p.text].slice(0, Math.max(1, data.series.length)).map(colour),
      // Horizontal bars read top-down in the category order, as in the SVG (pptxgenjs types only 'minMax').
      catAxisOrientation: (horizontal ? 'maxMin' : 'minMax') as 'minMax',
      // …and keep the value axis at the bottom, where the reversed axis ends (ECMA-376 ST_Crosses
      // allows max; pptxgenjs types only autoZero).
      ...(horizontal ? { catAxisCrossesAt: 'max' as 'autoZero', valAxisLabelPos: 'nextTo' as const } : {}),
      catAxisLabelColor: colour(p.text),
      catAxisLabelFontFace: font,
      catAxisLabelFontSize: 14,
      catAxisLineColor: colour(p.muted),
      valAxisLabelColor: colour(p.muted),
      valAxisLabelFontFace: font,
      valAxisLabelFontSize: 12,
      valAxisLabelFormatCode: unit.fmt,
      valGridLine: { color: colour(p.surface), style: 'solid', size: 1 },
      showValue: true,
      dataLabelFormatCode: unit.fmt,
      dataLabelColor: colour(stacked ? p.onPrimary : p.text),
      dataLabelFontFace: font,
      dataLabelFontSize: 13,
      dataLabelFontBold: true,
      dataLabelPosition: stacked ? 'ctr' : 'outEnd',
      showLegend: true, // the series' names are the deck's text, one series too (as in the SVG)
      legendPos: 't',
      legendFontFace: font,
      legendFontSize: 12,
      legendColor: colour(p.text),
      lang: LANG[lang],
      altText: chartAltText(data.categories, data.series, mode),
      objectName: `chart${m.block + 1}`,
    },
  );
}

function chartAltText(categories: readonly Bilingual[], series: readonly { values: number[] }[], mode: Mode): string {
  const one = (l: 'zh' | 'en') => categories.map((c, i) => `${plainText(c[l])}: ${series.map((s) => formatAmount(s.values[i] ?? 0, l)).join(', ')}`).join('; ');
  return langsOf(mode).map(one).join(' / ');
}

/** An image block or the logo as a picture at its drawn box, with its alt text in the mode's language(s). */
export function addImage(slide: Slide, m: MeasuredImage, image: Pick<ImageBlock, 'file' | 'alt'>, model: DeckModel, mode: Mode, png?: string): void {
  const asset = model.images?.get(image.file);
  // An SVG without its PNG would be a broken picture: pptxgenjs writes the SVG's bytes as the PNG.
  const uri = png ?? (asset?.type === 'svg' ? undefined : asset?.uri);
  if (!uri) return;
  slide.addImage({
    data: uri.replace(/^data:/, ''),
    ...position(m.box),
    altText: langsOf(mode).map((l) => plainText(image.alt[l])).join(' / '),
    objectName: m.block === 'logo' ? 'logo' : `image${m.block + 1}`,
  });
}
