import type { Page } from 'puppeteer-core';

/**
 * Shape the print view's accessibility tree into the PDF's structure tree, in the print page
 * only: the HTML decks keep their own semantics. Chromium tags what its accessibility tree
 * holds (issue 15, PDF/UA half of issue 14):
 * - an `aria-hidden` subtree gets no structure element and its content no marked-content
 *   sequence (vivliostyle.js#845), so running footers, page numbers and decorative numbers
 *   drop out of the reading order;
 * - `role="none"` removes a generic wrapper's NonStruct but keeps its children, so the tree
 *   shrinks and `page.pdf()` tags faster. A block in the other language keeps its element:
 *   that element carries the /Lang a screen reader switches voice on;
 * - a line wrapped at a collapsible space paints no space glyph, so text read from the tags
 *   fuses the words around it ("developmentof"); `pre-wrap` keeps that space as a hanging
 *   glyph, which does not change where lines break.
 * Runs after the fit, once per mode (the document's language changes with the mode).
 */
export async function prepareTags(page: Page): Promise<{ elements: number }> {
  return page.evaluate(tagPrintView);
}

/**
 * The same, as the print view's document is parsed (its slides wait for their faces before they
 * are laid out, boot.js): the first layout is then already the tagged one, instead of a second
 * layout of every slide for the English blocks' white-space (≈ 0.5 s at 1,000 slides).
 * prepareTags still runs before each mode prints, for the mode's language.
 */
export async function tagWhenParsed(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(`document.addEventListener('DOMContentLoaded', function () { (${tagPrintView.toString()})(); });`);
}

/**
 * The page's side of {@link prepareTags}. Serialised into the page: self-contained, no imports.
 * @internal
 */
export function tagPrintView(): { elements: number } {
  const reveal = document.querySelector('.reveal');
  if (!reveal) return { elements: 0 };
  const docLang = document.documentElement.lang;
  const first = !reveal.hasAttribute('data-bideck-tags');
  if (first) {
    reveal.setAttribute('data-bideck-tags', '');
    for (const el of reveal.querySelectorAll('.slide-footer, .area-header__number, .title-slide__rule, .overview__number, .statement__index')) {
      el.setAttribute('aria-hidden', 'true');
    }
    const generic = reveal.querySelectorAll('div:not([role]):not([aria-hidden]):not([lang]), section:not([role]), span:not([role]):not([aria-hidden]):not([lang]), header:not([role])');
    for (const el of generic) el.setAttribute('role', 'none');
    reveal.setAttribute('role', 'none');
    const sheet = new CSSStyleSheet();
    // No specificity (:where), so a block that must not wrap (a key figure's value, nowrap)
    // keeps its own white-space: it was laid out, and measured, on one line.
    sheet.replaceSync(':where(.reveal [lang="en"]) { white-space: pre-wrap; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  let elements = 0;
  for (const el of reveal.querySelectorAll('div[lang], span[lang]')) {
    // Only what changes: the same mode prepared twice leaves the styles as they are.
    const none = el.getAttribute('lang') === docLang;
    if (none && el.getAttribute('role') !== 'none') el.setAttribute('role', 'none');
    else if (!none && el.hasAttribute('role')) el.removeAttribute('role');
    elements++;
  }
  return { elements };
}
