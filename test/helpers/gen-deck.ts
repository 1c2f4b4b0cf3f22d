import fc from 'fast-check';
import type { DeckInput } from '../../src/schema/deck.js';

/**
 * Valid decks of random density for the layout property test (test/layout/property.test.ts)
 * and the edge fixtures (test/fixtures/layout-*): 1–4 initiatives a slide, 0–15 points with
 * nesting, titles of 1–120 characters, long English words, URLs, amounts and **bold**; now and
 * then a table of up to 25 rows (issue 11), alone or after the cards.
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

/** 1–4 initiatives, now and then followed by a table; or a table alone. */
export const contentSlide = fc.oneof(
  { weight: 6, arbitrary: fc.array(initiative, { minLength: 1, maxLength: 4 }).map((initiatives) => ({ initiatives })) },
  { weight: 1, arbitrary: fc.record({ initiatives: fc.array(initiative, { minLength: 1, maxLength: 2 }), table }).map(({ initiatives, table: t }) => ({ initiatives, blocks: [t] })) },
  { weight: 1, arbitrary: table.map((t) => ({ blocks: [t] })) },
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

export const deckArbitrary = fc.array(contentSlide, { minLength: 1, maxLength: 3 }).map((s) => deckOf(s));
