import { stringify } from 'yaml';
import { runChecks } from '../../src/check/index.js';
import type { Finding } from '../../src/check/index.js';
import type { OverflowMeasurement } from '../../src/check/types.js';
import { parseYaml } from '../../src/load/yaml.js';
import { buildModel } from '../../src/model/deck.js';
import { Deck } from '../../src/schema/deck.js';
import { Glossary } from '../../src/schema/glossary.js';
import { validate } from '../../src/schema/validate.js';

export interface Pair {
  zh: string;
  en: string;
  shared?: boolean;
}

/**
 * A real one-slide deck, written as YAML and loaded the way bideck loads data, holding one bullet
 * point (`point`) and, optionally, a funding line; slide 2, segment ids `s.i.p1` and `s.i.funding`.
 */
export function deckWith(point: Pair, funding?: Record<string, unknown>) {
  const text = stringify({
    meta: { id: 'check-test', title: { zh: '測試', en: 'Test' }, date: '2023-02-24', organisation: { zh: '政府', en: 'Government' } },
    intro: [{ layout: 'title' }],
    areas: [{ id: 'a', title: { zh: '範疇', en: 'Area' }, slides: [{ id: 's', initiatives: [{ id: 'i', points: [point], ...(funding ? { funding } : {}) }] }] }],
  });
  const deckSource = parseYaml('deck.yaml', text);
  const model = buildModel(validate(Deck, deckSource), deckSource.locate);
  return { deckSource, model };
}

export function glossaryOf(data: unknown): Glossary {
  return validate(Glossary, parseYaml('glossary.yaml', stringify(data)));
}

/** The findings of one rule on a one-point deck. */
export function check(rule: string, point: Pair, options: { funding?: Record<string, unknown>; glossary?: Glossary; overflow?: OverflowMeasurement } = {}): Finding[] {
  const { deckSource, model } = deckWith(point, options.funding);
  return runChecks({ deckSource, model, glossary: options.glossary }, { only: [rule], ...(options.overflow ? { overflow: options.overflow } : {}) });
}

/** Messages only, for compact expectations. */
export function messages(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.message);
}
