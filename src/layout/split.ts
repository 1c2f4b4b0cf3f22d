import type { DataPath } from '../load/yaml.js';
import type { Segment } from '../model/types.js';
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
      const segments = slide.segments.filter((s) => shows(part, slide.path, s.path, k === 0, last));
      for (const s of segments) if (!firstSlide.has(s.id)) firstSlide.set(s.id, number);
      slides.push({
        ...slide,
        number,
        id: k === 0 ? slide.id : `${slide.id}--${k + 1}`,
        data: partData(slide.data, part, k === 0, last),
        opensArea: slide.opensArea && k === 0,
        segments,
        continuation: { part: k + 1, parts: parts.length, of: slide.id, ...(part.paragraphs ? { paragraphNumbers: part.paragraphs.map((i) => i + 1) } : {}) },
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
function shows(part: SlidePart, slidePath: DataPath, path: DataPath, first: boolean, last: boolean): boolean {
  const rest = path.slice(slidePath.length);
  const [key, i, field, j, sub, s] = rest;
  if (key === 'notes') return first;
  // Tables, charts and images come after the initiatives: on the last part, once.
  if (key === 'blocks') return last;
  if (key === 'heading') return true;
  if (key === 'paragraphs') return part.paragraphs?.includes(i as number) ?? true;
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

/** The slide data one part shows: the same objects, fewer of them. */
function partData(data: Slide | ContentSlide, part: SlidePart, first: boolean, last: boolean): Slide | ContentSlide {
  // Speaker notes stay with the first part: the presenter speaks to the slide once; blocks
  // (tables, charts, images) follow the initiatives, so they close the last part.
  const noNotes = first ? data : without(data, 'notes');
  const base = (last || noNotes.layout !== 'content' ? noNotes : without(noNotes as ContentSlide, 'blocks')) as Slide | ContentSlide;
  if (data.layout === 'statement' && part.paragraphs) {
    return { ...base, layout: 'statement', heading: data.heading, paragraphs: part.paragraphs.flatMap((i) => data.paragraphs[i] ?? []) } as Slide;
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
    return { ...(base as ContentSlide), initiatives };
  }
  return base;
}

function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}
