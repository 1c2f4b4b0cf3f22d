import type { Project } from '../load/project.js';
import type { MeasuredSlide } from '../pptx/boxes.js';
import { writePptx } from '../pptx/write.js';
import type { PptxMetadata } from '../pptx/write.js';
import { deckTitle } from '../render/deck.js';
import type { Mode } from '../render/deck.js';
import { plainText } from '../render/markdown.js';

/** The PowerPoint's document properties: the PDF's (pipeline/pdfs.ts), in Office's terms. */
export function pptxMetadata(project: Project, mode: Mode, version: string): PptxMetadata {
  const { meta } = project.model.deck;
  const lang = mode === 'en' ? 'en' : 'zh';
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  return {
    title: deckTitle(project.model, mode),
    author: plainText(meta.organisation[lang]),
    subject: plainText(meta.title[lang]).replace(/\s*\n\s*/g, ' '),
    keywords: ['bideck', meta.id, meta.date],
    language: mode === 'en' ? 'en-GB' : 'zh-HK',
    creator: `bideck ${version}`,
    company: plainText(meta.organisation[lang]),
    date: epoch ? new Date(Number(epoch) * 1000) : new Date(),
  };
}

/**
 * One mode's .pptx from the boxes measured while its PDF printed. With `slides` (--slides),
 * only those slides' pages, as in the PDF.
 */
export function modePptx(project: Project, mode: Mode, boxes: readonly MeasuredSlide[], version: string, slides?: readonly number[]): Promise<Uint8Array> {
  const keep = slides ? new Set(project.model.slides.filter((s) => slides.includes(s.number)).map((s) => s.id)) : undefined;
  return writePptx({
    model: project.model,
    brand: project.brand,
    mode,
    slides: keep ? boxes.filter((b) => keep.has(b.slideId)) : boxes,
    meta: pptxMetadata(project, mode, version),
  });
}
