import type { Mode } from '../render/deck.js';
import { FIT_STEPS, GROW_STEPS } from './decide.js';
import type { LayoutPlan } from './types.js';

/**
 * The plan as attributes of each slide's <section>, so the HTML deck, its print view (the
 * PDFs), the handout and the review page show what was decided, with or without script:
 * `data-fit="bi:0.94 zh:1 en:0.88"` (the size step of each mode; LAYOUT_CSS maps each to
 * `--fit`, no inline style, so the review page's strict CSP allows it) and `data-cols2="bi en"`
 * (the modes in which a single initiative's list has two columns, templates/deck.css) and
 * `data-wide="bi:0"` (the card given a wider column, per mode).
 */
export function sectionAttributes(plan: LayoutPlan | undefined): Map<string, string> {
  return new Map(
    [...sectionAttributeValues(plan)].map(([id, values]) => [
      id,
      Object.entries(values).map(([name, value]) => (value === '' ? name : `${name}="${value}"`)).join(' '),
    ]),
  );
}

/** The same attributes by name (`data-laid-out` is ''), for setting them on a page that is open. */
export function sectionAttributeValues(plan: LayoutPlan | undefined): Map<string, Record<string, string>> {
  const out = new Map<string, { fit: string[]; cols: Mode[]; wide: string[] }>();
  if (!plan) return new Map();
  for (const mode of Object.keys(plan.modes) as Mode[]) {
    for (const d of plan.modes[mode] ?? []) {
      let entry = out.get(d.id);
      if (!entry) out.set(d.id, (entry = { fit: [], cols: [], wide: [] }));
      entry.fit.push(`${mode}:${d.fit}`);
      if (d.columns === 2) entry.cols.push(mode);
      if (d.wide !== undefined) entry.wide.push(`${mode}:${d.wide}`);
    }
  }
  return new Map(
    [...out].map(([id, e]) => [
      id,
      {
        'data-laid-out': '',
        'data-fit': e.fit.join(' '),
        ...(e.cols.length ? { 'data-cols2': e.cols.join(' ') } : {}),
        ...(e.wide.length ? { 'data-wide': e.wide.join(' ') } : {}),
      },
    ]),
  );
}

/** Add a slide's decided attributes to its rendered <section> (whatever template made it). */
export function withAttributes(html: string, attributes: string | undefined): string {
  if (!attributes) return html;
  // After the template's own attributes, so `<section class="slide …"` reads as it always did.
  return html.replace(/<section\b([^>]*)>/, (_tag, own: string) => `<section${own} ${attributes}>`);
}

/** One rule per mode and size step: the step a slide's `data-fit` names for the mode shown. */
export const LAYOUT_CSS = (['bi', 'zh', 'en'] as const)
  .flatMap((m) => [
    ...[...GROW_STEPS, ...FIT_STEPS].map((f) => `.mode-${m} .slide[data-fit~="${m}:${f}"] { --fit: ${f}; }`),
    // The wide card's column is 1.6 times the others' (2 or 3 cards in a row).
    ...[0, 1, 2].flatMap((k) =>
      [2, 3].filter((n) => k < n).map((n) => `.mode-${m} .slide[data-wide~="${m}:${k}"] .initiatives--${n} { grid-template-columns: ${Array.from({ length: n }, (_, i) => (i === k ? '1.6fr' : '1fr')).join(' ')}; }`),
    ),
  ])
  .join('\n');
