import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/check/index.js';
import { loadProject } from '../../src/load/project.js';
import { parseYaml } from '../../src/load/yaml.js';
import { buildModel } from '../../src/model/deck.js';
import { Deck } from '../../src/schema/deck.js';
import { validate } from '../../src/schema/validate.js';
import { EXAMPLE_DECK } from '../helpers/example.js';

/** A one-slide deck whose only content is the given blocks, loaded as bideck loads data. */
function findingsFor(blocks: unknown[]) {
  const text = stringify({
    meta: { id: 'check-test', title: { zh: '測試', en: 'Test' }, date: '2025-02-26', organisation: { zh: '政府', en: 'Government' } },
    areas: [{ id: 'a', title: { zh: '範疇', en: 'Area' }, slides: [{ id: 's', blocks }] }],
  });
  const deckSource = parseYaml('deck.yaml', text);
  const model = buildModel(validate(Deck, deckSource), deckSource.locate);
  return runChecks({ deckSource, model, glossary: undefined }, { only: ['amount-mismatch'] });
}

describe('QA sees the new elements like any text', () => {
  it('catches a table cell whose Chinese and English state different amounts', () => {
    const f = findingsFor([
      {
        type: 'table',
        columns: [{ header: { zh: '措施', en: 'Measure' } }, { header: { zh: '撥款', en: 'Funding' }, amounts: true }],
        rows: [[{ zh: '預留2億元', en: 'Earmark $300M' }, 200000000]],
      },
    ]);
    expect(f.map((x) => [x.segment, x.path, x.message])).toEqual([
      ['s.table1.r1c1', 'areas[0].slides[0].blocks[0].rows[0][0]', 'English says $300M but Chinese says 2億元 (HK$200,000,000).'],
    ]);
    expect(f[0]?.location?.line).toBeGreaterThan(1);
  });

  it('catches a chart label whose languages disagree', () => {
    const f = findingsFor([
      {
        type: 'chart',
        categories: [{ zh: '數碼港（5億元）', en: 'Cyberport ($600M)' }],
        series: [{ name: { zh: '撥款', en: 'Funding' }, values: [500000000] }],
      },
    ]);
    expect(f.map((x) => [x.segment, x.path])).toEqual([['s.chart1.c1', 'areas[0].slides[0].blocks[0].categories[0]']]);
  });

  it('finds nothing to flag in the example deck', async () => {
    const project = await loadProject(EXAMPLE_DECK);
    expect(runChecks(project).map((f) => `${f.rule} ${f.path}: ${f.message}`)).toEqual([]);
  });
});
