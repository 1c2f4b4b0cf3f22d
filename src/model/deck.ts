import { BideckError, formatLocation } from '../errors.js';
import type { SourceLocation } from '../errors.js';
import { formatPath } from '../load/yaml.js';
import type { DataPath } from '../load/yaml.js';
import type { AreaSlide, Deck, Slide } from '../schema/deck.js';
import { slideSegments } from './segments.js';
import type { AreaRef, DeckModel, Segment, SlideModel } from './types.js';

/**
 * Lay the deck out as the audience sees it: intro slides, each area's slides, outro slides;
 * number everything once, here, so footers, PDF pages, QA findings and XLIFF notes agree.
 */
export function buildModel(deck: Deck, locate?: (path: DataPath) => SourceLocation): DeckModel {
  const areas: AreaRef[] = deck.areas.map((a, i) => ({ number: i + 1, id: a.id, title: a.title }));
  const slides: SlideModel[] = [];
  const segments: Segment[] = [];
  const ids = new Map<string, { path: DataPath; generated?: string }>();

  const where = (path: DataPath) => (locate ? ` (${formatLocation(locate(path))})` : '');
  const fail = (message: string, path: DataPath) =>
    new BideckError('data', message, { path: formatPath(path), ...(locate ? { location: locate(path) } : {}) });
  // Slide and area ids share one namespace: both name anchors, PDF bookmarks and XLIFF groups.
  const claim = (key: string, path: DataPath, generated?: string, id = key) => {
    const previous = ids.get(key);
    if (previous) {
      const first = locate ? ` (first used at ${formatLocation(locate(previous.path))})` : '';
      if (previous.generated) {
        throw fail(`id ${JSON.stringify(id)} is also the id bideck gives ${previous.generated}${where(previous.path)}; choose another id`, path);
      }
      if (generated) {
        throw fail(`id ${JSON.stringify(id)} is also the id bideck gives ${generated}${where(path)}; choose another id`, previous.path);
      }
      throw fail(`id ${JSON.stringify(id)} is used twice${first}; ids must be unique`, path);
    }
    ids.set(key, { path, ...(generated ? { generated } : {}) });
  };
  /** Initiative ids are the slide's own: `<slide>.<initiative>` (segments.ts), explicit or `i<n>`. */
  const claimInitiatives = (data: Slide | AreaSlide, slideId: string, path: DataPath) => {
    if (data.layout !== 'content' || !data.initiatives) return;
    const initiatives = data.initiatives;
    initiatives.forEach((ini, i) => {
      const at: DataPath = [...path, 'initiatives', i];
      if (ini.id !== undefined) claim(`${slideId}.${ini.id}`, [...at, 'id'], undefined, ini.id);
    });
    initiatives.forEach((ini, i) => {
      if (ini.id === undefined) claim(`${slideId}.i${i + 1}`, [...path, 'initiatives', i], `initiative ${i + 1} of this slide, which has no id`, `i${i + 1}`);
    });
  };

  const push = (data: Slide | AreaSlide, path: DataPath, area: AreaRef | undefined, opensArea: boolean, generated = false) => {
    const number = slides.length + 1;
    const id = data.id ?? `slide-${number}`;
    claim(id, path, data.id === undefined ? `slide ${number}, which has no id` : undefined);
    claimInitiatives(data, id, path);
    const model: SlideModel = { number, id, layout: data.layout, data, path, area, opensArea, segments: [], ...(generated ? { generated } : {}) };
    slideSegments(data, id, path, (s) => {
      const segment = { ...s, slide: number };
      model.segments.push(segment);
      segments.push(segment);
    }, generated);
    slides.push(model);
  };

  segments.push(
    { id: 'meta.title', kind: 'meta', path: ['meta', 'title'], slide: 0, text: deck.meta.title },
    { id: 'meta.organisation', kind: 'meta', path: ['meta', 'organisation'], slide: 0, text: deck.meta.organisation },
  );
  if (deck.meta.logo) segments.push({ id: 'meta.logo.alt', kind: 'meta', path: ['meta', 'logo', 'alt'], slide: 0, text: deck.meta.logo.alt });
  deck.intro.forEach((s, i) => push(s, ['intro', i], undefined, false));
  deck.areas.forEach((area, a) => {
    const ref = areas[a];
    if (!ref) return;
    claim(area.id, ['areas', a, 'id']);
    segments.push({ id: `area.${area.id}.title`, kind: 'area', path: ['areas', a, 'title'], slide: slides.length + 1, text: area.title });
    // meta.dividers: a divider showing the area's title opens each area (and carries its bookmark).
    if (deck.meta.dividers) push({ layout: 'divider', id: `divider-${area.id}`, heading: area.title }, ['areas', a, 'title'], ref, true, true);
    area.slides.forEach((s, i) => push(s, ['areas', a, 'slides', i], ref, i === 0 && !deck.meta.dividers));
  });
  deck.outro.forEach((s, i) => push(s, ['outro', i], undefined, false));
  // The title and closing slides show the deck's metadata: attribute it to the first that does.
  for (const seg of segments.filter((s) => s.kind === 'meta')) {
    seg.slide = slides.find((s) => s.layout === 'title' || s.layout === 'closing')?.number ?? 0;
  }
  // A safety net for ids built from several parts (`area.<id>.title` against a slide `area`).
  const segmentIds = new Map<string, DataPath>();
  for (const seg of segments) {
    const previous = segmentIds.get(seg.id);
    if (previous) throw fail(`segment id ${JSON.stringify(seg.id)} is also the id of ${formatPath(previous)}${where(previous)}; change the slide or initiative id`, seg.path);
    segmentIds.set(seg.id, seg.path);
  }
  return { deck, areas, slides, segments };
}
