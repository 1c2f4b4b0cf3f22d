import * as pptxgen from 'pptxgenjs';
import type { DeckModel, SlideModel } from '../model/types.js';
import type { Mode } from '../render/deck.js';
import { chartSizeOn } from '../render/chart.js';
import type { Brand } from '../schema/brand.js';
import type { Bilingual } from '../schema/text.js';
import type { Box, MeasuredSlide, MeasuredText } from './boxes.js';
import { finishPackage } from './package.js';
import type { NotesPage } from './package.js';
import { addChart, addImage, addTable } from './objects.js';
import { markdownRuns } from './runs.js';

/** Document properties, the same the PDF gets (pipeline/pdfs.ts). */
export interface PptxMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: readonly string[];
  /** BCP 47 language of the deck, e.g. zh-HK. */
  language: string;
  creator: string;
  company: string;
  /** Created and modified; fixed by SOURCE_DATE_EPOCH for reproducible files. */
  date: Date;
}

export interface PptxInput {
  model: DeckModel;
  brand: Brand;
  mode: Mode;
  /** One entry per page, in order (pptx/boxes.ts); continuation pages repeat their slideId. */
  slides: readonly MeasuredSlide[];
  meta: PptxMetadata;
}

/** Languages as Office's proofing tools know them (zh-Hant-HK is not one of its tags). */
export const OFFICE_LANG = { zh: 'zh-HK', en: 'en-GB' } as const;

// pptxgenjs ships ES module code with CommonJS-style types: its class is `default` either way.
const PptxGenJS = pptxgen.default as unknown as typeof pptxgen.default.default;
type TextProps = pptxgen.default.TextProps;

const PX_PER_IN = 96;
const PT_PER_PX = 0.75;
const MASTER = 'BIDECK';
const inches = (px: number) => px / PX_PER_IN; // pptxgenjs rounds to whole EMU (9525 a px)
const pt = (px: number) => Math.round(px * PT_PER_PX * 100) / 100;
const colour = (hex: string) => hex.replace('#', '').toUpperCase();

/**
 * Deck model + brand + measured boxes → .pptx bytes. Pure apart from the zip: every text is a
 * native text box at its measured place (each language its own paragraph with its language,
 * markdown bold as bold runs), every panel, band, badge, rule and bullet a native rectangle in
 * the brand's colours, one slide per measured page, areas as sections, notes in both languages.
 */
export async function writePptx(input: PptxInput): Promise<Uint8Array> {
  const { model, brand, mode, meta } = input;
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE'; // 13.333 × 7.5 in = 1280 × 720 CSS px at 96 px/in
  pptx.title = meta.title;
  pptx.author = meta.author;
  pptx.subject = meta.subject;
  pptx.company = meta.company;
  pptx.rtlMode = false;
  // A title placeholder without a position of its own, so each slide's title stays where the
  // deck has it and is still the slide's title for the outline view and screen readers.
  pptx.defineSlideMaster({ title: MASTER, objects: [{ placeholder: { options: { name: 'title', type: 'title' }, text: '' } }] });

  const slideOf = new Map(model.slides.map((s) => [s.id, s]));
  const texts = textSources(model, brand);
  const sections = new Set<string>();
  const notes: NotesPage[] = [];
  let previous: string | undefined;
  input.slides.forEach((page, index) => {
    const source = slideOf.get(page.slideId);
    const section = sectionTitle(model, source, mode);
    if (!sections.has(section)) {
      sections.add(section);
      pptx.addSection({ title: section });
    }
    const slide = pptx.addSlide({ masterName: MASTER, sectionTitle: section });
    slide.background = { color: colour(page.background) };
    let titled = false;
    for (const group of groupBlocks(page)) {
      if (group.type === 'shape') {
        const { box, fill, stroke } = group.shape;
        slide.addShape(pptx.ShapeType.rect, {
          ...position(box),
          ...(fill ? { fill: { color: colour(fill) } } : { fill: { type: 'none' } }),
          line: stroke ? { color: colour(stroke.color), width: pt(stroke.px) } : { type: 'none' },
          objectName: group.shape.kind,
        });
        continue;
      }
      if (group.type === 'object') {
        addObject(pptx, slide, group.object, source, input);
        continue;
      }
      const isTitle: boolean = group.texts[0]?.kind === 'title' && !titled;
      titled ||= isTitle;
      slide.addText(paragraphs(group.texts, texts, brand.office), {
        ...position(group.box),
        margin: 0,
        valign: group.texts[0]?.middle ? 'middle' : 'top',
        wrap: !group.texts.every((t) => t.nowrap),
        fit: 'shrink', // normAutofit: a wider substitute font shrinks instead of spilling out
        isTextBox: !isTitle,
        objectName: isTitle ? 'Title' : (group.texts[0]?.segmentId ?? group.texts[0]?.source ?? group.texts[0]?.kind ?? 'text'),
        ...(isTitle ? { placeholder: 'title' } : {}),
      });
    }
    // Notes once per slide, on its first page; a marker the package step replaces with one
    // paragraph per language (pptxgenjs writes notes as a single en-US run).
    if (source && source.id !== previous && source.data.notes) {
      slide.addNotes(`@@bideck-notes-${index}@@`);
      notes.push({ marker: `@@bideck-notes-${index}@@`, notes: source.data.notes });
    }
    previous = source?.id;
  });
  // Stored, not deflated: package.ts unzips it and compresses once when it writes the result.
  const bytes = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  return finishPackage(bytes, { meta, notes, lang: OFFICE_LANG, fonts: brand.office });
}

/** A table, chart or picture: native PowerPoint objects drawn from the slide's data (pptx/objects.ts). */
function addObject(pptx: InstanceType<typeof PptxGenJS>, slide: pptxgen.default.Slide, o: Extract<MeasuredSlide['blocks'][number], { type: 'table' | 'chart' | 'image' }>, source: SlideModel | undefined, input: PptxInput): void {
  const { model, brand, mode } = input;
  if (o.type === 'image' && o.block === 'logo') {
    const logo = model.deck.meta.logo;
    if (logo) addImage(slide, o, logo, model, mode, o.png);
    return;
  }
  const data = source?.data;
  const block = data?.layout === 'content' && typeof o.block === 'number' ? data.blocks?.[o.block] : undefined;
  if (o.type === 'table' && block?.type === 'table') addTable(slide, o, block, mode, brand.office);
  else if (o.type === 'chart' && block?.type === 'chart' && data) addChart(pptx, slide, o, block, model, brand, mode, chartSizeOn(data));
  else if (o.type === 'image' && block?.type === 'image') addImage(slide, o, block, model, mode, o.png);
}

/** Areas are sections; the slides before the first area and after the last get their own. */
function sectionTitle(model: DeckModel, slide: SlideModel | undefined, mode: Mode): string {
  const text = (b: Bilingual) => (mode === 'zh' ? b.zh : mode === 'en' ? b.en : `${b.zh} | ${b.en}`).replace(/\s*\n\s*/g, ' ');
  if (slide?.area) return `${slide.area.number}. ${text(slide.area.title)}`;
  const first = model.slides.find((s) => s.area);
  const before = !slide || !first || slide.number < first.number;
  return text(before ? { zh: '開場', en: 'Opening' } : { zh: '總結', en: 'Closing' });
}

function position(box: Box) {
  return { x: inches(box.x), y: inches(box.y), w: inches(box.w), h: inches(box.h) };
}

type Group =
  | { type: 'shape'; shape: Extract<MeasuredSlide['blocks'][number], { type: 'shape' }> }
  | { type: 'object'; object: Extract<MeasuredSlide['blocks'][number], { type: 'table' | 'chart' | 'image' }> }
  | { type: 'text'; texts: MeasuredText[]; box: Box };

/** Consecutive language blocks of the same text become one text box, one paragraph each. */
function groupBlocks(page: MeasuredSlide): Group[] {
  const groups: Group[] = [];
  for (const block of page.blocks) {
    if (block.type === 'shape') {
      groups.push({ type: 'shape', shape: block });
      continue;
    }
    if (block.type !== 'text') {
      groups.push({ type: 'object', object: block });
      continue;
    }
    const last = groups.at(-1);
    const key = (t: MeasuredText) => t.segmentId ?? t.source ?? (t.pair === undefined ? undefined : `pair:${t.pair}`);
    const above = last?.type === 'text' ? last.texts.at(-1) : undefined;
    // Stacked languages share a box; side by side (the footer's wordmark) each keeps its own.
    const stacked = above !== undefined && block.box.y >= above.box.y + above.box.h - 1;
    if (last?.type === 'text' && stacked && key(block) !== undefined && key(last.texts[0] as MeasuredText) === key(block) && last.texts[0]?.kind === block.kind && !last.texts.some((t) => t.lang === block.lang)) {
      last.texts.push(block);
      last.box = union(last.box, block.box);
    } else groups.push({ type: 'text', texts: [block], box: block.box });
  }
  return groups;
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/** Every text a block can point at, by segment id or source (pptx/boxes.ts), looked up once. */
function textSources(model: DeckModel, brand: Brand): Map<string, Bilingual> {
  const map = new Map<string, Bilingual>(model.segments.map((s) => [s.id, s.text]));
  map.set('meta.title', model.deck.meta.title);
  map.set('meta.organisation', model.deck.meta.organisation);
  map.set('wordmark', brand.wordmark);
  for (const a of model.areas) map.set(`area:${a.id}`, a.title);
  return map;
}

/** The text a block shows, in its language: from its segment, its source, or as measured. */
function textOf(block: MeasuredText, texts: ReadonlyMap<string, Bilingual>): string {
  const key = block.segmentId ?? block.source;
  const bilingual = key === undefined ? undefined : texts.get(key);
  return bilingual ? bilingual[block.lang] : (block.text ?? '');
}

/** One paragraph per language block, runs from its markdown, spacing as measured. */
function paragraphs(texts: readonly MeasuredText[], sources: ReadonlyMap<string, Bilingual>, fonts: Brand['office']): TextProps[] {
  const out: TextProps[] = [];
  texts.forEach((t, i) => {
    const prev = texts[i - 1];
    const gap = prev ? Math.max(0, t.box.y - (prev.box.y + prev.box.h)) : 0;
    const runs = markdownRuns(textOf(t, sources));
    const face = t.lang === 'zh' ? fonts.zh : fonts.en;
    if (runs.length === 0) runs.push({ text: '', bold: false, italic: false, br: false });
    runs.forEach((run, j) => {
      out.push({
        text: run.text,
        options: {
          lang: OFFICE_LANG[t.lang],
          fontFace: face,
          fontSize: pt(t.fontPx),
          bold: t.bold || run.bold,
          italic: run.italic,
          color: colour(t.color),
          ...(run.br ? { softBreakBefore: true } : {}),
          ...(j === 0
            ? { align: t.align, lineSpacing: pt(t.lineHeightPx), ...(gap > 0 ? { paraSpaceBefore: pt(gap) } : {}) }
            : {}),
          ...(j === runs.length - 1 && i < texts.length - 1 ? { breakLine: true } : {}),
        },
      });
    });
  });
  return out;
}
