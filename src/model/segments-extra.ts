import type { DataPath } from '../load/yaml.js';
import type { Block } from '../schema/blocks.js';
import type { AreaSlide, Slide } from '../schema/deck.js';
import type { Segment } from './types.js';

type Emit = (segment: Omit<Segment, 'slide'>) => void;

/**
 * Segments of the issue-11 elements (dividers, key figures, comparison, timeline, blocks, the
 * title slide's extras, headings and source lines). Every text the audience reads, alt text
 * included, is a segment: so it is checked, reviewed and exported to XLIFF like any other.
 */
export function extraSegments(slide: Slide | AreaSlide, slideId: string, path: DataPath, emit: Emit, generated: boolean): void {
  const one = (key: string, kind: Segment['kind'], at: DataPath, text: Segment['text'] | undefined) => {
    if (text) emit({ id: `${slideId}.${key}`, kind, path: at, text });
  };
  switch (slide.layout) {
    case 'title':
      one('subtitle', 'subtitle', [...path, 'subtitle'], slide.subtitle);
      one('venue', 'subtitle', [...path, 'venue'], slide.venue);
      one('presenter', 'subtitle', [...path, 'presenter'], slide.presenter);
      break;
    case 'divider':
      // A generated divider shows the area's title, which is the area's own segment.
      if (!generated) one('heading', 'heading', [...path, 'heading'], slide.heading);
      one('subheading', 'subtitle', [...path, 'subheading'], slide.subheading);
      break;
    case 'figures':
      one('heading', 'heading', [...path, 'heading'], slide.heading);
      slide.figures.forEach((f, i) => one(`figure${i + 1}`, 'label', [...path, 'figures', i, 'label'], f.label));
      break;
    case 'comparison':
      one('heading', 'heading', [...path, 'heading'], slide.heading);
      slide.columns.forEach((c, i) => {
        one(`col${i + 1}.heading`, 'heading', [...path, 'columns', i, 'heading'], c.heading);
        c.points.forEach((p, j) => one(`col${i + 1}.p${j + 1}`, 'point', [...path, 'columns', i, 'points', j], p));
      });
      break;
    case 'timeline':
      one('heading', 'heading', [...path, 'heading'], slide.heading);
      slide.milestones.forEach((m, i) => one(`m${i + 1}`, 'point', [...path, 'milestones', i, 'text'], m.text));
      break;
    case 'content':
      one('heading', 'heading', [...path, 'heading'], slide.heading);
      break;
    default:
      break;
  }
}

/** Segments of a content slide's blocks, after its initiatives (reading order). */
export function blockSegments(blocks: readonly Block[] | undefined, slideId: string, path: DataPath, emit: Emit): void {
  blocks?.forEach((block, b) => {
    const id = `${slideId}.${block.type}${b + 1}`;
    const at: DataPath = [...path, 'blocks', b];
    const one = (key: string, kind: Segment['kind'], p: DataPath, text: Segment['text'] | undefined) => {
      if (text) emit({ id: `${id}.${key}`, kind, path: [...at, ...p], text });
    };
    one('caption', 'caption', ['caption'], block.caption);
    if (block.type === 'table') {
      block.columns.forEach((c, i) => one(`h${i + 1}`, 'cell', ['columns', i, 'header'], c.header));
      block.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (typeof cell !== 'number') one(`r${r + 1}c${c + 1}`, 'cell', ['rows', r, c], cell);
        }),
      );
      one('total', 'cell', ['total'], block.total);
    } else if (block.type === 'chart') {
      block.categories?.forEach((c, i) => one(`c${i + 1}`, 'category', ['categories', i], c));
      block.series?.forEach((s, i) => one(`s${i + 1}`, 'category', ['series', i, 'name'], s.name));
    } else {
      one('alt', 'alt', ['alt'], block.alt);
    }
  });
}

/** The source line every slide may have: last, after the slide's own text. */
export function sourceSegment(slide: Slide | AreaSlide, slideId: string, path: DataPath, emit: Emit): void {
  if (slide.source) emit({ id: `${slideId}.source`, kind: 'source', path: [...path, 'source'], text: slide.source });
}
