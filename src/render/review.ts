import Handlebars from 'handlebars';
import { compileTemplate } from './precompiled.js';
import type { Finding } from '../check/types.js';
import { LAYOUT_CSS, sectionAttributes, withAttributes } from '../layout/attributes.js';
import type { LayoutPlan } from '../layout/types.js';
import { BideckError } from '../errors.js';
import type { DeckModel } from '../model/types.js';
import type { Brand } from '../schema/brand.js';
import { brandCss } from './css.js';
import { formatDate } from './date.js';
import { deckTitle, slideHtml } from './deck.js';
import type { DeckAssets } from './deck.js';
import { plainText } from './markdown.js';
import { reviewData } from './review-model.js';
import type { CompiledTemplates, TemplateSources } from './templates.js';
import { cspHash, inlineScript } from './inline.js';

/** The review page's own stylesheet and script (templates/review.css, review.js). */
export interface ReviewAssets {
  css: string;
  js: string;
}

export interface ReviewInput {
  model: DeckModel;
  brand: Brand;
  /** The deck's compiled templates: the slides are the deck's own, laid out by its CSS. */
  templates: CompiledTemplates;
  /** Holds `review`, the page's template. */
  sources: TemplateSources;
  assets: DeckAssets;
  review: ReviewAssets;
  fontCss: string;
  findings: readonly Finding[];
  version: string;
  /** `bideck serve`'s live client (serve/review-client.ts): added after the page's own script. */
  live?: string;
  /** The layout stage's decisions: each frame shows its slide as the deck does. */
  layout?: LayoutPlan;
}

/**
 * `review.html`: for each slide its 中文 and English rendering side by side (the deck's own
 * markup and CSS, scaled down), then its segments with their QA flags. One self-contained file.
 */
export function renderReview(input: ReviewInput): string {
  const { model, brand, assets, review } = input;
  const source = input.sources['review'];
  const flag = input.sources['review-flag'];
  if (!source || !flag) throw new BideckError('render', `template "${source ? 'review-flag' : 'review'}" is missing from the templates folder`);
  const data = reviewData(model, input.findings);
  const attributes = sectionAttributes(input.layout);
  const slides = data.slides.map((s, i) => {
    const slide = model.slides[i];
    return { ...s, html: slide ? frameHtml(withAttributes(slideHtml(slide, { model, brand, templates: input.templates, mode: 'bi' }), attributes.get(slide.id))) : '' };
  });
  const css = [assets.revealCss, input.fontCss, brandCss(brand), assets.deckCss, LAYOUT_CSS, review.css].join('\n');
  const hb = Handlebars.create();
  hb.registerHelper('gt', (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a > b);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  try {
    hb.registerPartial('reviewFlag', compileTemplate(hb, flag.source));
    const template = compileTemplate(hb, source.source);
    return template({
      version: input.version,
      documentTitle: `Review 審閱 · ${deckTitle(model, 'en')}`,
      title: { zh: plainText(model.deck.meta.title.zh), en: plainText(model.deck.meta.title.en) },
      date: formatDate(model.deck.meta.date),
      isoDate: model.deck.meta.date,
      csp: contentSecurityPolicy(css, inlineScript(review.js), input.live === undefined ? undefined : inlineScript(input.live)),
      css,
      js: inlineScript(review.js),
      live: input.live === undefined ? undefined : inlineScript(input.live),
      slides,
      deckFlags: data.deckFlags,
      counts: data.counts,
    });
  } catch (cause) {
    throw new BideckError('render', `template review failed: ${(cause as Error).message.split('\n')[0] ?? ''}`, {
      location: { file: source.file },
      cause,
    });
  }
}

/**
 * A slide as a preview frame shows it twice on one page: without its element id (the page has
 * its own, and ids must be unique) and as reveal.js's current slide, which the deck CSS lays out.
 */
function frameHtml(html: string): string {
  return html.replace(/^\s*<section\b([^>]*)>/, (_tag, attrs: string) => {
    const rest = attrs.replace(/\sid="[^"]*"/, '').replace(/\sclass="([^"]*)"/, ' class="$1 present"');
    return `<section${rest}>`;
  });
}

/**
 * Nothing but the page's own style and script, by hash; no network, no frames. Served live,
 * its live client may also talk to the server it came from (/events).
 */
function contentSecurityPolicy(css: string, js: string, live: string | undefined): string {
  return [
    "default-src 'none'",
    `script-src ${cspHash(js)}${live === undefined ? '' : ` ${cspHash(live)}`}`,
    `style-src ${cspHash(css)}`,
    'font-src data:',
    'img-src data:',
    live === undefined ? "connect-src 'none'" : "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
