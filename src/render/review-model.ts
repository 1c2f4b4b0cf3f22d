import type { Finding } from '../check/types.js';
import { formatLocation } from '../errors.js';
import type { DeckModel, Segment, SlideModel } from '../model/types.js';
import { formatHkd } from '../model/amount-format.js';
import { diffText } from './review-diff.js';
import type { DiffPart } from './review-diff.js';

/** A QA finding as the review page shows it. */
export interface ReviewFlag {
  severity: Finding['severity'];
  rule: string;
  lang: 'zh' | 'en' | undefined;
  message: string;
  /** `data/deck.yaml:101:19`, where to fix it. */
  location: string;
}

export interface ReviewSegment {
  id: string;
  /** The id as `<slide id>.` and the rest, which the page keeps on a line of their own. */
  idPrefix: string;
  idRest: string;
  kind: Segment['kind'];
  zh: string;
  en: string;
  shared: boolean;
  /** The figures a funding line stores, for checking its wording against. */
  amounts: string | undefined;
  flags: ReviewFlag[];
  /** The Chinese changed since the English was translated: old against new, by character. */
  stale: { was: string; diff: DiffPart[] } | undefined;
}

export interface ReviewSlide {
  number: number;
  id: string;
  layout: string;
  area: { number: number; zh: string; en: string } | undefined;
  segments: ReviewSegment[];
  /** Findings about the slide as a whole (overflow) or about no segment of it. */
  flags: ReviewFlag[];
  problems: number;
  /** How many of its segments have a stale translation. */
  stale: number;
  /** The worst severity among its findings. */
  severity: Finding['severity'] | undefined;
}

export interface ReviewData {
  slides: ReviewSlide[];
  /** Findings about deck metadata shown on no slide (slide 0). */
  deckFlags: ReviewFlag[];
  counts: { slides: number; segments: number; errors: number; warnings: number; problemSlides: number; staleSlides: number };
}

/**
 * Group segments and findings by slide: each segment under the slide that first shows it
 * (Segment.slide), each finding under its segment, else under its slide, else the deck.
 */
export function reviewData(model: DeckModel, findings: readonly Finding[]): ReviewData {
  const flagsBySegment = new Map<string, ReviewFlag[]>();
  const flagsBySlide = new Map<number, ReviewFlag[]>();
  const segmentIds = new Set(model.segments.map((s) => s.id));
  const deckFlags: ReviewFlag[] = [];
  const stale = new Map<string, string>();
  const slideNumbers = new Set(model.slides.map((s) => s.number));
  const segmentsBySlide = new Map<number, Segment[]>();
  for (const s of model.segments) push(segmentsBySlide, s.slide, s);
  for (const f of findings) {
    if (f.rule === 'stale-translation' && f.segment !== undefined && f.source) stale.set(f.segment, f.source.was);
    const flag: ReviewFlag = { severity: f.severity, rule: f.rule, lang: f.lang, message: f.message, location: formatLocation(f.location) };
    if (f.segment !== undefined && segmentIds.has(f.segment)) push(flagsBySegment, f.segment, flag);
    else if (slideNumbers.has(f.slide)) push(flagsBySlide, f.slide, flag);
    else deckFlags.push(flag);
  }
  const slides = model.slides.map((slide) => reviewSlide(slide, segmentsBySlide.get(slide.number) ?? [], flagsBySegment, flagsBySlide.get(slide.number) ?? [], stale));
  // Segments on no slide (deck metadata when there is no title slide) still get reviewed.
  const unshown = model.segments.filter((s) => !slideNumbers.has(s.slide));
  for (const s of unshown) deckFlags.push(...(flagsBySegment.get(s.id) ?? []));
  return {
    slides,
    deckFlags,
    counts: {
      slides: slides.length,
      segments: model.segments.length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      problemSlides: slides.filter((s) => s.problems > 0).length,
      staleSlides: slides.filter((s) => s.stale > 0).length,
    },
  };
}

/** `shown`: the slide's segments, in the deck's order. */
function reviewSlide(slide: SlideModel, shown: readonly Segment[], bySegment: ReadonlyMap<string, ReviewFlag[]>, flags: ReviewFlag[], stale: ReadonlyMap<string, string>): ReviewSlide {
  const segments = shown.map((s): ReviewSegment => ({
    id: s.id,
    ...splitId(s.id, slide.id),
    kind: s.kind,
    zh: s.text.zh,
    en: s.text.en,
    shared: s.text.shared === true,
    amounts: s.funding ? fundingFigures(s.funding.amounts, s.funding.outOf) : undefined,
    flags: bySegment.get(s.id) ?? [],
    stale: staleOf(stale.get(s.id), s.text.zh),
  }));
  const all = [...flags, ...segments.flatMap((s) => s.flags)];
  return {
    number: slide.number,
    id: slide.id,
    layout: slide.layout,
    area: slide.area ? { number: slide.area.number, zh: slide.area.title.zh, en: slide.area.title.en } : undefined,
    segments,
    flags,
    problems: all.length,
    stale: segments.filter((s) => s.stale).length,
    severity: all.some((f) => f.severity === 'error') ? 'error' : all.length ? 'warning' : undefined,
  };
}

function staleOf(was: string | undefined, now: string): ReviewSegment['stale'] {
  return was === undefined ? undefined : { was, diff: diffText(was, now) };
}

/** `HK$200,000,000` or `HK$6,000,000,000 of HK$10,000,000,000`. */
function fundingFigures(amounts: readonly number[], outOf: number | undefined): string {
  const hkd = (n: number) => formatHkd(n);
  return amounts.map(hkd).join(' + ') + (outOf === undefined ? '' : ` of ${hkd(outOf)}`);
}

function splitId(id: string, slideId: string): { idPrefix: string; idRest: string } {
  return id.startsWith(`${slideId}.`) ? { idPrefix: `${slideId}.`, idRest: id.slice(slideId.length + 1) } : { idPrefix: '', idRest: id };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
