import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.js';
import { EXAMPLE_DECK } from '../helpers/example.js';

const { model } = await loadProject(EXAMPLE_DECK);
const seg = (id: string) => model.segments.find((s) => s.id === id);

describe('the example deck as a model', () => {
  it('puts a divider before each area (meta.dividers), carrying the area bookmark and its title segment', () => {
    const dividers = model.slides.filter((s) => s.layout === 'divider' && s.area);
    expect(dividers.map((s) => [s.id, s.generated, s.opensArea, s.area?.number])).toEqual([
      ['divider-ai', true, true, 1],
      ['divider-industry', true, true, 2],
    ]);
    expect(seg('area.ai.title')?.slide).toBe(dividers[0]?.number);
    // One written out in the outro is the deck's own, with its own segments.
    expect(model.slides.find((s) => s.id === 'questions')?.segments.map((s) => s.id)).toEqual(['questions.heading', 'questions.subheading']);
    // The area's first own slide no longer opens it: one bookmark per area.
    expect(model.slides.filter((s) => s.opensArea).length).toBe(2);
  });

  it('makes every text a segment: title extras, labels, headings, sources, cells, chart labels, alt text', () => {
    const ids = model.segments.map((s) => s.id);
    for (const id of [
      'meta.logo.alt',
      'title.subtitle', 'title.venue', 'title.presenter',
      'headline.heading', 'headline.figure1', 'headline.source',
      'ai-measures.heading', 'ai-measures.i1.label', 'ai-measures.source',
      'ai-table.table1.caption', 'ai-table.table1.h3', 'ai-table.table1.r1c1', 'ai-table.table1.r2c2', 'ai-table.table1.total',
      'industry-chart.chart1.caption',
      'industry-stacked.chart1.c2', 'industry-stacked.chart1.s1',
      'industry-photo.image1.alt', 'industry-photo.image1.caption',
      'industry-compare.col1.heading', 'industry-compare.col2.p2',
      'industry-timeline.m1',
    ]) expect(ids, id).toContain(id);
    // Amount cells are numbers, written by bideck: not text to translate.
    expect(ids).not.toContain('ai-table.table1.r1c3');
    expect(seg('ai-table.table1.r1c1')?.path).toEqual(['areas', 0, 'slides', 1, 'blocks', 0, 'rows', 0, 0]);
    expect(seg('industry-photo.image1.alt')?.kind).toBe('alt');
  });

  it('reads each image once, typed by content, as a data: URI', () => {
    expect([...(model.images?.keys() ?? [])]).toEqual(['logo.svg', 'skyline.png']);
    expect(model.images?.get('skyline.png')?.uri).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(model.images?.get('logo.svg')?.type).toBe('svg');
  });
});
