import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.js';
import { svgProblem, sniffImage } from '../../src/model/images.js';
import { loadToolkit } from '../../src/pipeline/stages.js';
import { chartAlt, chartData } from '../../src/model/chart-data.js';
import { CHART_SIZE, CHART_SIZE_BESIDE, chartDirection, chartSvg } from '../../src/render/chart.js';
import { renderSlide } from '../../src/render/deck.js';
import { formatMilestone } from '../../src/render/date.js';
import type { ChartBlock } from '../../src/schema/blocks.js';
import { EXAMPLE_DECK } from '../helpers/example.js';

const project = await loadProject(EXAMPLE_DECK);
const toolkit = await loadToolkit();
const html = (id: string) => {
  const slide = project.model.slides.find((s) => s.id === id);
  if (!slide) throw new Error(`no slide ${id}`);
  // Phrase breaks and no-break spans (render/phrases.ts) are tested on their own; here, the element markup.
  return withoutLineBreakMarks(renderSlide(slide, { model: project.model, brand: project.brand, templates: toolkit.templates, mode: 'bi' }));
};
function withoutLineBreakMarks(h: string): string {
  return h.replaceAll('<wbr>', '').replace(/<span class="t-(?:nobr|halt)">([^<]*)<\/span>/g, '$1');
}
const chartOf = (id: string): ChartBlock => {
  const data = project.model.slides.find((s) => s.id === id)?.data;
  const block = data?.layout === 'content' ? data.blocks?.[0] : undefined;
  if (block?.type !== 'chart') throw new Error('no chart');
  return block;
};

describe('rendering the issue 11 elements', () => {
  it('title slide: subtitle, presenter, venue and the logo as an embedded image', () => {
    const h = html('title');
    expect(h).toContain('<p class="t-zh title-slide__subline" lang="zh-Hant-HK">傳媒簡報會</p>');
    expect(h).toContain('Central Government Offices, Tamar');
    expect(h).toMatch(/<img class="title-slide__logo" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="創新科技標誌 \/ Innovation emblem" data-alt-zh="創新科技標誌" data-alt-en="Innovation emblem">/);
  });

  it('key figures are written by bideck from the stored amounts, in both languages', () => {
    const h = html('headline');
    for (const s of ['逾350億元', 'over $35B', '100億元', '$10B', '10億元', '$1B']) expect(h).toContain(`>${s}</div>`);
    expect(h).toContain('class="slide-source"');
  });

  it('table: header cells scope="col", row headers scope="row", amounts right-aligned, computed total', () => {
    const h = html('ai-table');
    expect(h.match(/<th scope="col"/g)).toHaveLength(3);
    expect(h.match(/<th scope="row"/g)).toHaveLength(4); // three rows and the total
    expect(h).toMatch(/<td class="num"><div class="t-zh cell" lang="zh-Hant-HK">26\.5億元<\/div><div class="t-en cell" lang="en">\$2\.65B<\/div>\s*<\/td>/);
    expect(h).toMatch(/<tfoot><tr class="data-table__total">.*66\.5億元.*\$6\.65B/s);
    expect(h).toContain('<caption class="block__caption">');
  });

  it('divider, comparison, timeline (dates per language), label and heading', () => {
    expect(html('divider-ai')).toMatch(/<h2 class="divider__heading" data-bookmark="area">.*人工智能.*Artificial intelligence/s);
    const cmp = html('industry-compare');
    expect(cmp.match(/class="comparison__column"/g)).toHaveLength(2);
    const tl = html('industry-timeline');
    expect(tl).toContain('<time class="milestone__date" datetime="2024-02">');
    expect(tl).toContain('>2024年2月<');
    expect(tl).toContain('>February 2024<');
    expect(formatMilestone('2025-02-26')).toEqual({ zh: '2025年2月26日', en: '26 February 2025' });
    expect(html('ai-measures')).toContain('<div class="initiative__label"><span class="t-zh initiative__tag" lang="zh-Hant-HK">2025-26預算案</span>');
    expect(html('ai-measures')).toContain('<h2 class="slide-heading">');
  });

  it('charts: one inline SVG per mode, no script, text in the brand faces, alt text from the data', () => {
    const h = html('industry-stacked');
    expect(h.match(/<svg /g)).toHaveLength(3);
    expect(h).not.toMatch(/<script|\son[a-z]+=|javascript:|<style/i);
    expect(h).toContain("font-family:'bideck zh'");
    const block = chartOf('industry-stacked');
    const alt = chartAlt(block, chartData(block, project.model));
    expect(alt.en).toBe('Stacked bar chart. AI: 2024-25 $3B, 2025-26 $1B; Life sciences: 2024-25 $2B, 2025-26 $500M; New industrialisation: 2024-25 $1B, 2025-26 $10B.');
    expect(alt.zh).toBe('堆疊棒形圖。人工智能：2024-25年度 30億元，2025-26年度 10億元；生命科技：2024-25年度 20億元，2025-26年度 5億元；新型工業化：2024-25年度 10億元，2025-26年度 100億元。');
    expect(h).toContain('<p class="t-en visually-hidden chart__alt" lang="en">Stacked bar chart.');
  });

  it('chart built from the funding lines: bar lengths are proportional to the summed amounts', () => {
    const block = chartOf('industry-chart');
    const data = chartData(block, project.model);
    expect(data.series[0]?.values).toEqual([4_000_000_000, 1_000_000_000]); // 10億 + 30億; 10億
    const svg = chartSvg(block, data, 'en', project.brand);
    // Horizontal bars: "M x y l w 0 l 0 h ..." paths in the series colour; their widths, in order.
    const widths = [...svg.matchAll(/<path d="M[\d.]+ [\d.]+l([\d.]+) 0l0 [\d.]+l-[\d.]+ 0Z" fill="#0b3d6e"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect((widths[0] ?? 0) / (widths[1] ?? 1)).toBeCloseTo(4, 1);
    for (const label of ['$4B', '$1B', 'Artificial intelligence', 'New industrialisation']) expect(svg).toContain(`>${label}</text>`);
  });

  it('vertical bars too: heights follow the data', () => {
    const block = chartOf('industry-stacked');
    const svg = chartSvg({ ...block, kind: 'bar', series: block.series?.slice(0, 1) }, { categories: block.categories ?? [], series: block.series?.slice(0, 1) ?? [] }, 'zh', project.brand);
    const heights = [...svg.matchAll(/<path d="M[\d.]+ [\d.]+l[\d.]+ 0l0 -([\d.]+)l-[\d.]+ 0Z"/g)].map((m) => Number(m[1]));
    expect(heights.map((x) => x / (heights[2] ?? 1))).toEqual([3, 2, 1].map((v) => expect.closeTo(v, 1) as number));
    expect(svg).toContain('>30億元</text>');
  });

  it('charts stand upright unless their names or amounts would not fit their bars; the data may say which', () => {
    const cat = (zh: string, en: string) => ({ zh, en });
    const block = (n: number, direction?: 'vertical' | 'horizontal'): ChartBlock => ({ type: 'chart', kind: 'bar', ...(direction ? { direction } : {}) });
    const short = { categories: [cat('人工智能', 'AI'), cat('生命科技', 'Life sciences'), cat('新型工業化', 'New industrialisation')], series: [{ name: cat('撥款', 'Funding'), values: [3e9, 2e9, 1e10] }] };
    const names = ['內科', '外科', '眼科', '骨科', '耳鼻喉科', '婦科'];
    const many = { categories: names.map((n, i) => cat(n, ['Medicine', 'Surgery', 'Ophthalmology', 'Orthopaedics', 'ENT', 'Gynaecology'][i] ?? '')), series: [{ name: cat('撥款', 'Funding'), values: [9e7, 7e7, 6e7, 5e7, 4e7, 4e7] }] };
    expect(chartDirection(block(3), short, CHART_SIZE)).toBe('vertical');
    // Six specialties beside initiatives: "Ophthalmology" and "9,000萬元" are wider than a bar's slot.
    expect(chartDirection(block(6), many, CHART_SIZE_BESIDE)).toBe('horizontal');
    expect(chartDirection(block(6, 'vertical'), many, CHART_SIZE_BESIDE)).toBe('vertical');
    expect(chartDirection(block(3, 'horizontal'), short, CHART_SIZE)).toBe('horizontal');
  });

  it('a long Chinese category name wraps between its phrases, not wherever the width ends', () => {
    const names = { zh: '大學科技初創企業資助計劃', en: 'Technology Start-up Support Scheme for Universities' };
    const data = { categories: [{ zh: '企業支援計劃', en: 'Enterprise Support Scheme' }, names, { zh: '研究員計劃', en: 'Researcher Programme' }], series: [{ name: { zh: '撥款', en: 'Funding' }, values: [5e8, 1.2e8, 3e8] }] };
    const svg = chartSvg({ type: 'chart', kind: 'bar', direction: 'horizontal' }, data, 'zh', project.brand, CHART_SIZE_BESIDE);
    const lines = [...svg.matchAll(/>([^<>]*\p{Script=Han}[^<>]*)</gu)].map((m) => m[1]);
    expect(lines).toContain('資助計劃');
    expect(lines.some((l) => l?.startsWith('大學科技初創'))).toBe(true);
    expect(lines.some((l) => /企業資|資$/u.test(l ?? ''))).toBe(false);
  });

  it('image: embedded as data: URI with bilingual alt and caption', () => {
    const h = html('industry-photo');
    expect(h).toMatch(/<img class="image" src="data:image\/png;base64,[^"]+" alt="維港兩岸的建築群 \/ Buildings on both sides of Victoria Harbour" data-alt-zh="維港兩岸的建築群" data-alt-en="Buildings on both sides of Victoria Harbour">/);
    expect(h).toContain('智能生產線落戶香港');
    expect(h).toContain('class="body mixed"');
  });
});

describe('images are checked by content and SVG must be inert', () => {
  it('sniffs PNG, JPEG and SVG by their bytes', () => {
    expect(sniffImage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffImage(Buffer.from('<?xml version="1.0"?>\n<!-- x -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('svg');
    expect(sniffImage(Buffer.from('<html><svg/></html>'))).toBeUndefined();
    expect(sniffImage(Buffer.from('GIF89a'))).toBeUndefined();
  });

  it('refuses script, handlers, external references, entities and foreignObject', () => {
    const svg = (inner: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attrs}>${inner}</svg>`;
    expect(svgProblem(svg('<rect width="1" height="1" fill="url(#g)"/><use href="#a"/>'))).toBeUndefined();
    expect(svgProblem(svg('<script>alert(1)</script>'))).toBe('holds a <script> element');
    expect(svgProblem(svg('', ' onload="x()"'))).toBe('has an event handler attribute (onload)');
    expect(svgProblem(svg('<image xlink:href="https://evil.example/a.png"/>'))).toMatch(/^refers to "https:\/\/evil.example\/a.png" outside the file/);
    expect(svgProblem(svg('<a href="javascript:alert(1)"><text>x</text></a>'))).toMatch(/^refers to "javascript:alert\(1\)"/);
    expect(svgProblem(svg('<foreignObject><div/></foreignObject>'))).toBe('holds a <foreignObject> element');
    expect(svgProblem(svg('<style>@import url(https://evil.example/x.css);</style>'))).toBe('has a style that loads a resource outside the file');
    expect(svgProblem(svg('<rect style="fill:url(https://evil.example/p)"/>'))).toMatch(/^refers to a resource outside the file/);
    expect(svgProblem(svg('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a>'))).toBe('animates a link (<set attributeName="href">)');
    expect(svgProblem('<!DOCTYPE svg [<!ENTITY x "y">]><svg/>')).toBe('declares XML entities');
  });
});
