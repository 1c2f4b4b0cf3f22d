import type { DeckModel, SlideModel } from '../model/types.js';
import type { Brand } from '../schema/brand.js';
import { BideckError } from '../errors.js';
import { slideView } from './blocks.js';
import { brandCss } from './css.js';
import { formatDate } from './date.js';
import { plainText } from './markdown.js';
import { speakerViewScriptHashes } from './speaker.js';
import { cspHash, inlineScript } from './inline.js';
import { runTemplate } from './templates.js';
import { LAYOUT_CSS, sectionAttributes, withAttributes } from '../layout/attributes.js';
import type { LayoutPlan } from '../layout/types.js';
import type { CompiledTemplates } from './templates.js';

export type Mode = 'bi' | 'zh' | 'en';
export const MODES: readonly Mode[] = ['bi', 'zh', 'en'];
export const MODE_LANG: Readonly<Record<Mode, string>> = { bi: 'zh-Hant-HK', zh: 'zh-Hant-HK', en: 'en' };

/** Static text assets the deck inlines, read by the caller (render does no file I/O). */
export interface DeckAssets {
  deckCss: string;
  revealCss: string;
  revealJs: string;
  notesJs: string;
  bootJs: string;
}

export interface RenderInput {
  model: DeckModel;
  brand: Brand;
  templates: CompiledTemplates;
  assets: DeckAssets;
  /** @font-face rules with the embedded subsets. */
  fontCss: string;
  mode: Mode;
  version: string;
  /** `bideck serve` only: its live-reload client, run after the deck's own scripts. */
  liveScript?: string;
  /** The layout stage's decisions (src/layout/): sizes and columns per mode, on each slide. */
  layout?: LayoutPlan;
}

export const REVEAL_CONFIG = {
  width: 1280,
  height: 720,
  margin: 0.04,
  minScale: 0.2,
  maxScale: 2.0,
  center: false,
  hash: true,
  controls: true,
  controlsLayout: 'edges',
  progress: true,
  slideNumber: false,
  transition: 'fade',
  transitionSpeed: 'fast',
  backgroundTransition: 'none',
  pdfMaxPagesPerSlide: 1,
  pdfSeparateFragments: false,
  showNotes: false,
  help: true,
} as const;

/** The slide's own HTML, by its layout's template. */
export function renderSlide(slide: SlideModel, input: Omit<RenderInput, 'assets' | 'fontCss' | 'version'>): string {
  const template = input.templates.layouts.get(slide.layout);
  if (!template) {
    throw new BideckError('render', `no template for layout "${slide.layout}" (expected templates/layouts/${slide.layout}.hbs)`);
  }
  const { deck, areas, slides } = input.model;
  return runTemplate(input.templates, `layouts/${slide.layout}`, template, {
    ...slide,
    deck,
    areas,
    brand: input.brand,
    total: slides.length,
    // A continuation slide (src/layout/split.ts) says so in its header.
    continued: (slide.continuation?.part ?? 1) > 1,
    date: formatDate(deck.meta.date),
    view: slideView(slide, input.model, input.brand),
  });
}

/**
 * A slide's HTML does not depend on the mode (the language shown is a class on <html>), so
 * each slide is rendered once per set of templates, however many modes and pages use it: the
 * decks and the review page's frames (at 1,000 slides the review page rendered them all again:
 * its stage took 1.1–1.3 s while the PDF printed, 0.3 s once it reused them).
 */
const slideCache = new WeakMap<CompiledTemplates, WeakMap<SlideModel, string>>();

export function slideHtml(slide: SlideModel, input: Omit<RenderInput, 'assets' | 'fontCss' | 'version'>): string {
  let forTemplates = slideCache.get(input.templates);
  if (!forTemplates) slideCache.set(input.templates, (forTemplates = new WeakMap()));
  let html = forTemplates.get(slide);
  if (html === undefined) forTemplates.set(slide, (html = renderSlide(slide, input)));
  return html;
}

/**
 * Runs in <head>, before the slides are parsed: a print view (`?print-pdf`, export/pdf.ts) keeps
 * its slides out of layout until boot.js has its faces and page boxes ready, so a long deck is
 * laid out once, in print media, instead of first in reveal.js's own print stylesheet.
 */
const PRINT_VIEW_FLAG = "if (/[?&]print-pdf/i.test(location.search)) document.documentElement.classList.add('reveal-print', 'print-pdf', 'bideck-pending');";

export function renderDeck(input: RenderInput): string {
  const { model, brand, templates, assets, mode } = input;
  const attributes = sectionAttributes(input.layout);
  const slides = model.slides.map((s) => withAttributes(slideHtml(s, input), attributes.get(s.id)));
  const headScripts = [PRINT_VIEW_FLAG];
  const scripts = [assets.revealJs, assets.notesJs, assets.bootJs, ...(input.liveScript ? [input.liveScript] : [])].map(inlineScript);
  const title = deckTitle(model, mode);
  return runTemplate(templates, 'deck', templates.deck, {
    htmlLang: MODE_LANG[mode],
    mode,
    csp: contentSecurityPolicy([...headScripts, ...scripts], speakerViewScriptHashes(assets.notesJs), input.liveScript !== undefined),
    version: input.version,
    documentTitle: title,
    description: plainText(model.deck.meta.organisation[mode === 'en' ? 'en' : 'zh']),
    css: [assets.revealCss, input.fontCss, brandCss(brand), assets.deckCss, LAYOUT_CSS].join('\n'),
    slides,
    // JSON inside <script type="application/json">: escape "<" so data can never close the tag.
    configJson: JSON.stringify({ mode, reveal: REVEAL_CONFIG }).replace(/</g, '\\u003c'),
    headScripts,
    scripts,
  });
}

/** The document title: also the PDF's Title metadata and the browser tab. */
export function deckTitle(model: DeckModel, mode: Mode): string {
  const t = model.deck.meta.title;
  const one = (s: string) => plainText(s).replace(/\s*\n\s*/g, ' ');
  if (mode === 'zh') return one(t.zh);
  if (mode === 'en') return one(t.en);
  return `${one(t.zh)} | ${one(t.en)}`;
}

/**
 * Only the deck's own inline assets may run: scripts by hash, no network at all.
 * Styles need 'unsafe-inline' because reveal.js injects its print @page rule at run time.
 */
function contentSecurityPolicy(scripts: readonly string[], speakerView: readonly string[], live: boolean): string {
  const hashes = scripts.map(cspHash);
  return [
    "default-src 'none'",
    `script-src ${[...hashes, ...speakerView].join(' ')}`,
    "style-src 'unsafe-inline'",
    'font-src data:',
    'img-src data:',
    // The speaker view (render/speaker.ts) previews the deck itself in two iframes; the live
    // client of `bideck serve` listens for rebuilds on the server that sent the page.
    "frame-src 'self'",
    live ? "connect-src 'self'" : "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
