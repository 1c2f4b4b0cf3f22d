import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.js';
import { exportXliff, importXliff } from '../../src/xliff/index.js';
import { EXAMPLE_DECK } from '../helpers/example.js';
import { tempDeck } from '../xliff/temp.js';

describe('XLIFF with the new elements', () => {
  it('exports cells, chart labels, captions and alt text as units; the round trip is byte-identical', async () => {
    const deck = tempDeck(EXAMPLE_DECK);
    const before = readFileSync(deck);
    const { xml } = await exportXliff(deck);
    for (const id of ['ai-table.table1.r1c1', 'ai-table.table1.total', 'industry-stacked.chart1.c1', 'industry-photo.image1.alt', 'meta.logo.alt', 'title.venue', 'industry-timeline.m2', 'headline.source']) {
      expect(xml).toContain(`<unit id="${id}"`);
    }
    const xlf = join(deck, '..', 'out.xlf');
    writeFileSync(xlf, xml);
    expect((await importXliff(xlf, deck)).written).toBe(false);
    expect(readFileSync(deck).equals(before)).toBe(true);
  });

  it('writes an edited cell and an edited alt text back to their own fields', async () => {
    const deck = tempDeck(EXAMPLE_DECK);
    const xlf = join(deck, '..', 'edited.xlf');
    const xml = (await exportXliff(deck)).xml
      .replace(/(<unit id="ai-table\.table1\.r1c1">[\s\S]*?)<target>AI Subsidy Scheme<\/target>/, '$1<target>Subsidy Scheme for AI</target>')
      .replace('<target>Buildings on both sides of Victoria Harbour</target>', '<target>The Victoria Harbour skyline</target>');
    writeFileSync(xlf, xml);
    const result = await importXliff(xlf, deck);
    expect(result.changes.map((c) => c.unit)).toEqual(['ai-table.table1.r1c1', 'industry-photo.image1.alt']);
    const { model } = await loadProject(deck);
    const en = (id: string) => model.segments.find((s) => s.id === id)?.text.en;
    expect(en('ai-table.table1.r1c1')).toBe('Subsidy Scheme for AI');
    expect(en('industry-photo.image1.alt')).toBe('The Victoria Harbour skyline');
  });
});
