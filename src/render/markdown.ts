import MarkdownIt from 'markdown-it';

/**
 * Inline markdown for slide text. Raw HTML is off, so `<script>` in data is shown as text;
 * `breaks` keeps a line break written in the data; no typographer, so the wording is exactly
 * the data's (it would turn "..." into "…" and straight quotes into curly ones).
 */
const md = new MarkdownIt('zero', { html: false, breaks: true, linkify: false, typographer: false })
  .enable(['emphasis', 'newline', 'escape', 'backticks', 'entity']);
// `<br>` with no newline after it: the PDF's print view keeps English spaces (export/tags.ts,
// `white-space: pre-wrap`), where markdown-it's `<br>\n` would become a second line break.
md.renderer.rules.hardbreak = () => '<br>';
md.renderer.rules.softbreak = () => '<br>';

/**
 * The same text is rendered for every mode, the review page, PDF metadata and the checks;
 * remember results (bounded, so a long `serve` session does not grow without end).
 */
const cache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

export function renderInline(text: string): string {
  let html = cache.get(text);
  if (html === undefined) {
    html = md.renderInline(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, html);
  }
  return html;
}

/** The text as a reader sees it: markdown markers gone, for search, QA and PDF comparisons. */
export function plainText(text: string): string {
  return renderInline(text)
    .replace(/<br>\n?/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
