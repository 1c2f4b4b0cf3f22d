import { join } from 'node:path';
import { boxFloorPx, findProblems } from '../../src/layout/decide.js';
import type { BuildResult } from '../../src/pipeline/build.js';
import { outputName } from '../../src/pipeline/build.js';
import { MODES } from '../../src/render/deck.js';
import type { Mode } from '../../src/render/deck.js';
import { plainText } from '../../src/render/markdown.js';
import { pdfInfo, pdfText } from './pdf.js';

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Everything issue 9's acceptance asks of a built deck, as a list of what is wrong (empty when
 * all holds), for every slide of every mode: the PDF has one page a slide; every text of the
 * data is in the PDF's text; the recorded boxes (measured in Chromium) show every text inside
 * the content area, overlapping nothing, at or above its floor.
 */
export function layoutFailures(result: BuildResult, outDir: string, modes: readonly Mode[] = MODES): string[] {
  const failures: string[] = [];
  const { model } = result.project;
  const plan = result.layout;
  if (!plan) return ['the deck was not laid out'];
  for (const mode of modes) {
    const pdf = join(outDir, outputName(model.deck.meta.id, mode, 'pdf'));
    const pages = Number(pdfInfo(pdf)['Pages']);
    if (pages !== model.slides.length) failures.push(`${mode}: ${pages} pages for ${model.slides.length} slides`);
    const text = squash(pdfText(pdf));
    const langs = mode === 'bi' ? (['zh', 'en'] as const) : ([mode] as const);
    for (const seg of model.segments) {
      if (seg.kind === 'notes' || seg.slide === 0) continue;
      for (const lang of langs) {
        const want = squash(plainText(seg.text[lang]));
        if (want && !text.includes(want)) failures.push(`${mode}: slide ${seg.slide} ${seg.id}.${lang} is missing from the PDF: ${want.slice(0, 60)}`);
      }
    }
    const decisions = plan.modes[mode] ?? [];
    if (decisions.length !== model.slides.length) failures.push(`${mode}: ${decisions.length} decisions for ${model.slides.length} slides`);
    for (const d of decisions) {
      for (const p of findProblems(d.boxes, mode)) failures.push(`${mode}: slide ${d.number} ${d.id}: ${p.message}`);
      const body = d.boxes.filter((b) => b.lang && b.kind !== 'footer' && b.kind !== 'header' && b.kind !== 'text');
      for (const b of body) {
        if ((b.fontPx ?? 0) + 0.01 < boxFloorPx(mode, b)) failures.push(`${mode}: slide ${d.number}: ${b.kind} at ${b.fontPx} px`);
      }
    }
  }
  return failures;
}
