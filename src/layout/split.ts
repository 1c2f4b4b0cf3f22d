import type { DataPath } from '../load/yaml.js';
import type { Segment } from '../model/types.js';
import type { TableBlock } from '../schema/blocks.js';
import type { ContentSlide, Slide } from '../schema/deck.js';
import type { DeckModel, SlideModel } from '../model/types.js';
import type { SlidePart, SlideSplit } from './types.js';

/**
 * Continuation slides flow into the model, as if the author had written them: numbers, "n / N",
 * bookmarks, the overview, the handout, `--slides`, the review page and XLIFF notes all count
 * the slides the audience sees. Part 1 keeps the slide's id; part k is `<id>--k`. Segments keep
 * their ids and data paths; each is attributed to the first slide that shows it.
 */
export function applySplits(model: DeckModel, splits: readonly SlideSplit[]): DeckModel {
  if (splits.length === 0) return model;
  const bySlide = new Map(splits.map((s) => [s.slide, s.parts]));
  const slides: SlideModel[] = [];
  const firstSlide = new Map<string, number>();
  for (const slide of model.slides) {
    const parts = bySlide.get(slide.id);
    if (!parts || parts.length < 2) {
      const number = slides.length + 1;
      slides.push({ ...slide, number });
      for (const s of slide.segments) if (!firstSlide.has(s.id)) firstSlide.set(s.id, number);
      continue;
    }
    parts.forEach((part, k) => {
      const number = slides.length + 1;
      const last = k === parts.length - 1;
      const segments = slide.segments.filter((s) => shows(part, slide.data, slide.path, s.path, k === 0, last));
      for (const s of segments) if (!firstSlide.has(s.id)) firstSlide.set(s.id, number);
      slides.push({
        ...slide,
        number,
        id: k === 0 ? slide.id : `${slide.id}--${k + 1}`,
        data: partData(slide.data, part, k === 0, last),
        opensArea: slide.opensArea && k === 0,
        segments,
        continuation: {
          part: k + 1,
          parts: parts.length,
          of: slide.id,
          ...(part.paragraphs ? { paragraphNumbers: part.paragraphs.map((i) => i + 1) } : {}),
          ...tableRowsOf(slide.data, part),
        },
      });
    });
  }
  const renumber = (s: Segment): Segment => ({ ...s, slide: s.kind === 'meta' ? s.slide : (firstSlide.get(s.id) ?? s.slide) });
  const segments = model.segments.map(renumber);
  const byId = new Map(segments.map((s) => [s.id, s]));
  const meta = slides.find((s) => s.layout === 'title' || s.layout === 'closing')?.number ?? 0;
  for (const s of segments) if (s.kind === 'meta') s.slide = meta;
  return {
    ...model,
    slides: slides.map((sl) => ({ ...sl, segments: sl.segments.map((s) => byId.get(s.id) ?? s) })),
    segments,
  };
}

/** Whether a segment of the source slide is shown on this part. */
function shows(part: SlidePart, data: Slide | ContentSlide, slidePath: DataPath, path: DataPath, first: boolean, last: boolean): boolean {
  const rest = path.slice(slidePath.length);
  const [key, i, field, j, sub, s] = rest;
  if (key === 'notes') return first;
  if (key === 'blocks') return showsBlock(part, data, i as number, field, j as number, last);
  if (key === 'heading') return true;
  if (key === 'paragraphs') return part.paragraphs?.includes(i as number) ?? true;
  if (key === 'milestones' && part.milestones) return (i as number) >= part.milestones[0] && (i as number) < part.milestones[1];
  if (key === 'columns' && part.points && field === 'points') return (j as number) >= part.points[0] && (j as number) < part.points[1];
  if (key !== 'initiatives' || !part.initiatives) return true;
  const ini = part.initiatives.find((p) => p.index === i);
  if (!ini) return false;
  if (field === 'title') return true;
  if (field === 'funding') return ini.funding;
  if (field === 'paragraphs') return ini.rows.some((r) => r.kind === 'para' && r.index === j);
  if (field === 'points') {
    const row = ini.rows.find((r) => r.kind === 'point' && r.index === j);
    if (!row || row.kind !== 'point') return false;
    if (sub !== 'points' || !row.sub) return true; // the point itself (repeated) or all of it
    return (s as number) >= row.sub[0] && (s as number) < row.sub[1];
  }
  return true;
}

/**
 * Whether a block's segment is shown on this part. Blocks close the last part unless the split
 * placed them; a continued table's rows are each on one part, its caption and header are
 * repeated on every part (listed there too, as a continued initiative's title is: each part
 * lists what it shows), its total and the slide's other blocks are on the part that ends it.
 */
function showsBlock(part: SlidePart, data: Slide | ContentSlide, block: number, field: unknown, row: number, last: boolean): boolean {
  if (part.blocks === false) return false;
  if (part.blocks === undefined) return last;
  const { block: table, rows: [from, to] } = part.blocks;
  const ends = to >= tableLength(data, table);
  if (block !== table) return ends;
  if (field === 'rows') return row >= from && row < to;
  if (field === 'total') return ends;
  return true;
}

function tableLength(data: Slide | ContentSlide, block: number): number {
  const b = data.layout === 'content' ? data.blocks?.[block] : undefined;
  return b?.type === 'table' ? b.rows.length : 0;
}

/** The part that ends a continued table records all its rows, for its total. */
function tableRowsOf(data: Slide | ContentSlide, part: SlidePart): { tableRows?: { block: number; rows: TableBlock['rows'] } } {
  if (!part.blocks || part.blocks.rows[0] === 0 || data.layout !== 'content') return {};
  const b = data.blocks?.[part.blocks.block];
  if (b?.type !== 'table' || part.blocks.rows[1] < b.rows.length) return {};
  return { tableRows: { block: part.blocks.block, rows: b.rows } };
}

/** The blocks one part shows (undefined: none). */
function partBlocks(data: ContentSlide, part: SlidePart, last: boolean): ContentSlide['blocks'] {
  if (!data.blocks || part.blocks === false || (part.blocks === undefined && !last)) return undefined;
  if (part.blocks === undefined) return data.blocks;
  const { block: table, rows: [from, to] } = part.blocks;
  const ends = to >= tableLength(data, table);
  return data.blocks.flatMap((b, i) => {
    if (i !== table) return ends ? [b] : [];
    if (b.type !== 'table') return [b];
    const rows = { ...without(b, 'total'), rows: b.rows.slice(from, to) };
    return [ends && b.total ? { ...rows, total: b.total } : rows];
  });
}

/** The slide data one part shows: the same objects, fewer of them. */
function partData(data: Slide | ContentSlide, part: SlidePart, first: boolean, last: boolean): Slide | ContentSlide {
  // Speaker notes stay with the first part: the presenter speaks to the slide once; blocks
  // (tables, charts, images) follow the initiatives, so they close the last part.
  const noNotes = first ? data : without(data, 'notes');
  let base = noNotes as Slide | ContentSlide;
  if (noNotes.layout === 'content') {
    const blocks = partBlocks(noNotes as ContentSlide, part, last);
    const rest = without(noNotes as ContentSlide, 'blocks');
    base = (blocks ? { ...rest, blocks } : rest) as ContentSlide;
  }
  if (data.layout === 'statement' && part.paragraphs) {
    return { ...base, layout: 'statement', heading: data.heading, paragraphs: part.paragraphs.flatMap((i) => data.paragraphs[i] ?? []) } as Slide;
  }
  if (data.layout === 'timeline' && part.milestones) {
    return { ...base, layout: 'timeline', milestones: data.milestones.slice(...part.milestones) } as Slide;
  }
  if (data.layout === 'comparison' && part.points) {
    const [from, to] = part.points;
    return { ...base, layout: 'comparison', columns: data.columns.map((c) => ({ ...c, points: c.points.slice(from, to) })) } as Slide;
  }
  if (data.layout === 'content' && part.initiatives) {
    const initiatives = part.initiatives.flatMap((p) => {
      const ini = data.initiatives?.[p.index];
      if (!ini) return [];
      const points = p.rows.flatMap((r) => {
        if (r.kind !== 'point') return [];
        const point = ini.points?.[r.index];
        if (!point) return [];
        return r.sub ? [{ ...point, points: point.points?.slice(r.sub[0], r.sub[1]) }] : [point];
      });
      const paragraphs = p.rows.flatMap((r) => (r.kind === 'para' ? (ini.paragraphs?.[r.index] ?? []) : []));
      const keep = without(without(without(ini, 'funding'), 'points'), 'paragraphs');
      return [{
        ...keep,
        ...(points.length ? { points } : {}),
        ...(paragraphs.length ? { paragraphs } : {}),
        ...(p.funding && ini.funding ? { funding: ini.funding } : {}),
      }];
    });
    // A part that shows only a table has no cards: no empty initiatives column beside it.
    if (initiatives.length === 0) return without(base as ContentSlide, 'initiatives') as ContentSlide;
    return { ...(base as ContentSlide), initiatives };
  }
  return base;
}

function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}
