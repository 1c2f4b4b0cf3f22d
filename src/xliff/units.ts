import type { DeckModel, Segment } from '../model/types.js';

/** XLIFF 2.0 segment states (spec §4.3.1.28) that bideck writes. */
export type UnitState = 'initial' | 'translated';

/** One XLIFF unit: a segment's Chinese as source, its English as target. */
export interface XliffUnit {
  id: string;
  source: string;
  /** Absent when the English is empty: nothing to offer the translator yet. */
  target?: string;
  state: UnitState;
  /** `bideck:stale`: the Chinese changed since the English was translated (see note previous-source). */
  subState?: string;
  /** `translate="no"`: a name both languages use verbatim (`shared: true` in the data). */
  shared: boolean;
  notes: { category: string; text: string }[];
}

/** Language tags of the round trip: source is the data's Chinese, target its English. */
export const SOURCE_LANG = 'zh-Hant-HK';
export const TARGET_LANG = 'en';

/**
 * Every segment with Chinese to translate, in reading order. Generated text (overview list,
 * footers, dates) is not a segment and never exported; notes without Chinese have no source.
 *
 * State: `initial` when the English is empty or stale (its Chinese changed since it was
 * translated: subState `bideck:stale`), `translated` otherwise. bideck keeps no review
 * record, so it never claims `reviewed` or `final` (which some CAT tools lock against edits).
 */
export function exportUnits(model: DeckModel, approved: Readonly<Record<string, string>> = {}): XliffUnit[] {
  const bySlide = new Map(model.slides.map((s) => [s.number, s]));
  return model.segments
    .filter((seg) => seg.text.zh !== '')
    .map((seg) => {
      const slide = bySlide.get(seg.slide);
      const notes = [
        { category: 'slide', text: String(seg.slide) },
        ...(slide?.area ? [{ category: 'area', text: `${slide.area.number}. ${slide.area.title.zh}` }] : []),
        { category: 'kind', text: seg.kind },
      ];
      const unit: XliffUnit = {
        id: seg.id,
        source: seg.text.zh,
        state: seg.text.en === '' ? 'initial' : 'translated',
        shared: seg.text.shared === true,
        notes,
      };
      if (seg.text.en !== '') unit.target = seg.text.en;
      const was = approved[seg.id];
      if (was !== undefined && was !== seg.text.zh && seg.text.en !== '') {
        // XLIFF 2.0 §4.3.1.28-29: state "initial" asks for translation again; subState says why
        // in a prefix:value a CAT tool shows; the note holds the Chinese the English came from.
        unit.state = 'initial';
        unit.subState = 'bideck:stale';
        unit.notes.push({ category: 'previous-source', text: was });
      }
      return unit;
    });
}

/** Segments by id: what an imported unit id must name. */
export function segmentsById(model: DeckModel): ReadonlyMap<string, Segment> {
  return new Map(model.segments.map((s) => [s.id, s]));
}
