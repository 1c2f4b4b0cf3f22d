import fc from 'fast-check';
import type { DeckInput } from '../../src/schema/deck.js';

/**
 * Valid decks of random density for the layout property test (test/layout/property.test.ts)
 * and the edge fixtures (test/fixtures/layout-*): 1–4 initiatives a slide, 0–15 points with
 * nesting, titles of 1–120 characters, long English words, URLs, amounts and **bold**; now and
 * then a table of up to 25 rows or of up to four columns, a chart alone or beside an initiative,
 * a comparison or a timeline (issue 11).
 */

const ZH_WORDS = ['數碼港', '人工智能', '服務', '創新科技', '香港', '發展', '推動', '支援', '初創企業', '研究', '資助', '基建', '100萬元', '2億元', '「基金」，', '大灣區', '人才', '計劃'];
const EN_WORDS = ['support', 'innovation', 'technology', 'start-ups', 'Cyberport', 'research', 'HK$500,000', '$30M', 'infrastructure', 'the', 'and', 'of', 'digital', 'Government', 'programme'];
const LONG = ['Pneumonoultramicroscopicsilicovolcanoconiosis', 'https://www.itib.gov.hk/en/publications/budget-2023-24/annex-b/initiatives.html', 'ElectronicServicesDeliveryInfrastructureProgramme'];

function zhText(min: number, max: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...ZH_WORDS), { minLength: 1, maxLength: 60 }).map((ws) => clip(ws.join(''), min, max, '發展'));
}
function enText(min: number, max: number): fc.Arbitrary<string> {
  const word = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...EN_WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...LONG) }, { weight: 1, arbitrary: fc.constantFrom(...EN_WORDS).map((w) => `**${w}**`) });
  return fc.array(word, { minLength: 1, maxLength: 30 }).map((ws) => clip(ws.join(' '), min, max, 'support'));
}
/** Cut at a word boundary to at most `max` characters, padded to at least `min`, without breaking **bold**. */
function clip(text: string, min: number, max: number, pad: string): string {
  let out = text;
  while (out.length < min) out += (pad.length > 2 ? ' ' : '') + pad;
  if (out.length > max) {
    out = out.slice(0, max);
    if ((out.match(/\*\*/g) ?? []).length % 2) out = out.replace(/\*\*(?!.*\*\*)/, '');
    out = out.replace(/\*+$/, '');
  }
  return out.trim() || pad;
}

const bilingual = (zh: [number, number], en: [number, number]) => fc.record({ zh: zhText(...zh), en: enText(...en) });

const point = fc.record({
  zh: zhText(2, 60),
  en: enText(4, 110),
  points: fc.option(fc.array(bilingual([2, 30], [4, 60]), { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 4 }),
}).map(({ points, ...p }) => (points ? { ...p, points } : p));

const funding = fc.record({ n: fc.integer({ min: 1, max: 900 }), long: fc.boolean() }).map(({ n, long }) => ({
  zh: long ? `從已預留的${n * 10}億元中撥出${n}億元，支援相關措施` : `預留${n}億元`,
  en: long ? `Set aside $${n * 100}M out of the earmarked $${n}B for the measures` : `Earmark $${n * 100}M`,
  action: 'earmark' as const,
  amounts: long ? [n * 1e8] : [n * 1e8],
}));

const initiative = fc.record({
  title: bilingual([1, 40], [1, 120]),
  points: fc.array(point, { minLength: 0, maxLength: 15 }),
  funding: fc.option(funding, { nil: undefined, freq: 2 }),
}).map(({ title, points, funding: f }) => ({ title, ...(points.length ? { points } : {}), ...(f ? { funding: f } : {}) }));

/** A table block (issue 11): 1–25 rows of a text column and an amount column, sometimes a total. */
const table = fc.record({
  rows: fc.array(fc.record({ name: bilingual([2, 24], [3, 60]), amount: fc.integer({ min: 1, max: 900 }) }), { minLength: 1, maxLength: 25 }),
  total: fc.boolean(),
}).map(({ rows, total }) => ({
  type: 'table' as const,
  columns: [{ header: { zh: '措施', en: 'Measure' } }, { header: { zh: '撥款', en: 'Funding' }, amounts: true }],
  rows: rows.map((r) => [r.name, r.amount * 1e6]),
  ...(total ? { total: { zh: '總額', en: 'Total' } } : {}),
}));

/** A wider table: 1–3 text columns before the amounts, up to 12 rows. */
const wideTable = fc.record({
  texts: fc.integer({ min: 1, max: 3 }),
  rows: fc.array(fc.record({ cells: fc.array(bilingual([2, 16], [3, 40]), { minLength: 3, maxLength: 3 }), amount: fc.integer({ min: 1, max: 90000 }) }), { minLength: 1, maxLength: 12 }),
}).map(({ texts, rows }) => ({
  type: 'table' as const,
  columns: [...['措施', '部門', '日期'].slice(0, texts).map((zh, i) => ({ header: { zh, en: ['Measure', 'Department', 'Date'][i] ?? 'Column' } })), { header: { zh: '撥款', en: 'Funding' }, amounts: true }],
  rows: rows.map((r) => [...r.cells.slice(0, texts), r.amount * 1e4]),
}));

/** A chart (issue 11): 1–8 categories, bars or stacked bars, upright, sideways or left to bideck. */
const chart = fc.record({
  categories: fc.array(bilingual([2, 12], [2, 40]), { minLength: 1, maxLength: 8 }),
  stacked: fc.boolean(),
  direction: fc.constantFrom(undefined, 'vertical' as const, 'horizontal' as const),
  seed: fc.integer({ min: 1, max: 1000 }),
}).map(({ categories, stacked, direction, seed }) => {
  const values = (k: number) => categories.map((_, i) => (((seed * (i + 3) * (k + 7)) % 97) + 1) * 1e7);
  const series = (stacked ? [0, 1] : [0]).map((k) => ({ name: { zh: `${2024 + k}年度`, en: `${2024 + k}` }, values: values(k) }));
  return { type: 'chart' as const, kind: stacked ? ('stacked' as const) : ('bar' as const), ...(direction ? { direction } : {}), caption: { zh: '撥款', en: 'Funding' }, categories, series };
});

const comparison = fc.array(fc.array(bilingual([2, 40], [4, 90]), { minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 2 }).map((cols) => ({
  layout: 'comparison' as const,
  heading: { zh: '對照', en: 'Compared' },
  columns: cols.map((points, i) => ({ heading: { zh: `方案${i + 1}`, en: `Option ${i + 1}` }, points })),
}));

const timeline = fc.array(bilingual([2, 40], [4, 90]), { minLength: 2, maxLength: 6 }).map((texts) => ({
  layout: 'timeline' as const,
  heading: { zh: '時間表', en: 'Timetable' },
  milestones: texts.map((text, i) => ({ date: `${2024 + Math.floor(i / 4)}-${String(((i * 3) % 12) + 1).padStart(2, '0')}`, text })),
}));

/**
 * 1–4 initiatives, now and then followed by a table or a chart; a table or a chart alone; a
 * comparison or a timeline.
 */
export const contentSlide = fc.oneof(
  { weight: 6, arbitrary: fc.array(initiative, { minLength: 1, maxLength: 4 }).map((initiatives) => ({ initiatives })) },
  { weight: 1, arbitrary: fc.record({ initiatives: fc.array(initiative, { minLength: 1, maxLength: 2 }), table }).map(({ initiatives, table: t }) => ({ initiatives, blocks: [t] })) },
  { weight: 1, arbitrary: fc.oneof(table, wideTable).map((t) => ({ blocks: [t] })) },
  { weight: 1, arbitrary: fc.record({ initiatives: fc.array(initiative, { minLength: 1, maxLength: 1 }), chart }).map(({ initiatives, chart: c }) => ({ initiatives, blocks: [c] })) },
  { weight: 1, arbitrary: chart.map((c) => ({ blocks: [c] })) },
  { weight: 1, arbitrary: fc.oneof(comparison, timeline) },
);

/** A deck around some content slides, in the seed's frame. */
export function deckOf(slides: readonly object[], id = 'generated'): DeckInput {
  return {
    meta: {
      id,
      title: { zh: '測試簡報', en: 'Test briefing' },
      date: '2023-02-24',
      organisation: { zh: '創新科技及工業局', en: 'Innovation, Technology and Industry Bureau' },
      brand: 'hkgov',
    },
    intro: [{ layout: 'title' }],
    areas: [{ id: 'area', title: { zh: '發展創科', en: 'Develop I&T' }, slides: slides as DeckInput['areas'][number]['slides'] }],
    outro: [{ layout: 'closing', message: { zh: '多謝', en: 'Thank you' } }],
  } as DeckInput;
}

/** A statement (1–5 paragraphs) or key figures (1–3, labels up to 80 characters), before the areas. */
const introSlide = fc.oneof(
  fc.array(bilingual([4, 140], [8, 260]), { minLength: 1, maxLength: 5 }).map((paragraphs) => ({ layout: 'statement' as const, heading: { zh: '引言', en: 'Introduction' }, paragraphs })),
  fc.array(fc.record({ n: fc.integer({ min: 1, max: 99999 }), label: bilingual([2, 40], [3, 80]), over: fc.boolean() }), { minLength: 1, maxLength: 3 }).map((fs) => ({
    layout: 'figures' as const,
    heading: { zh: '重點數字', en: 'Key figures' },
    figures: fs.map((f) => ({ amount: f.n * 1e6, label: f.label, over: f.over })),
  })),
);

export const deckArbitrary = fc
  .record({ slides: fc.array(contentSlide, { minLength: 1, maxLength: 3 }), intro: fc.option(introSlide, { nil: undefined, freq: 3 }) })
  .map(({ slides, intro }) => {
    const deck = deckOf(slides);
    return intro ? { ...deck, intro: [...(deck.intro ?? []), intro] } : deck;
  });
