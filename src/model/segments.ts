import type { DataPath } from '../load/yaml.js';
import type { AreaSlide, Point, Slide } from '../schema/deck.js';
import { blockSegments, extraSegments, sourceSegment } from './segments-extra.js';
import type { Notes } from '../schema/text.js';
import type { Segment } from './types.js';

type Emit = (segment: Omit<Segment, 'slide'>) => void;

/** The segments a slide shows (its own text; generated text such as the overview is not its own). */
export function slideSegments(
  slide: Slide | AreaSlide,
  slideId: string,
  path: DataPath,
  emit: Emit,
  generated = false,
): void {
  extraSegments(slide, slideId, path, emit, generated);
  switch (slide.layout) {
    case 'title':
    case 'overview':
      if ('heading' in slide) emit({ id: `${slideId}.heading`, kind: 'heading', path: [...path, 'heading'], text: slide.heading });
      break;
    case 'statement':
      emit({ id: `${slideId}.heading`, kind: 'heading', path: [...path, 'heading'], text: slide.heading });
      slide.paragraphs.forEach((text, i) =>
        emit({ id: `${slideId}.p${i + 1}`, kind: 'paragraph', path: [...path, 'paragraphs', i], text }),
      );
      break;
    case 'closing':
      emit({ id: `${slideId}.message`, kind: 'message', path: [...path, 'message'], text: slide.message });
      break;
    case 'content':
      slide.initiatives?.forEach((ini, i) => {
        const id = `${slideId}.${ini.id ?? `i${i + 1}`}`;
        const at: DataPath = [...path, 'initiatives', i];
        if (ini.label) emit({ id: `${id}.label`, kind: 'label', path: [...at, 'label'], text: ini.label });
        if (ini.title) emit({ id: `${id}.title`, kind: 'title', path: [...at, 'title'], text: ini.title });
        if (ini.points) pointSegments(ini.points, `${id}.p`, [...at, 'points'], emit);
        ini.paragraphs?.forEach((text, j) =>
          emit({ id: `${id}.para${j + 1}`, kind: 'paragraph', path: [...at, 'paragraphs', j], text }),
        );
        if (ini.funding)
          emit({ id: `${id}.funding`, kind: 'funding', path: [...at, 'funding'], text: ini.funding, funding: ini.funding });
      });
      blockSegments(slide.blocks, slideId, path, emit);
      break;
  }
  sourceSegment(slide, slideId, path, emit);
  notesSegment(slide.notes, slideId, path, emit);
}

function pointSegments(points: readonly Point[], prefix: string, path: DataPath, emit: Emit): void {
  points.forEach((point, i) => {
    const id = `${prefix}${i + 1}`;
    emit({ id, kind: 'point', path: [...path, i], text: point });
    if (point.points) pointSegments(point.points, `${id}.`, [...path, i, 'points'], emit);
  });
}

function notesSegment(notes: Notes | undefined, slideId: string, path: DataPath, emit: Emit): void {
  if (!notes) return;
  emit({
    id: `${slideId}.notes`,
    kind: 'notes',
    path: [...path, 'notes'],
    text: { zh: notes.zh ?? '', en: notes.en ?? '' },
  });
}
