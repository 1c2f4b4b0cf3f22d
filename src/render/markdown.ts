import MarkdownIt from 'markdown-it';

/**
 * Inline markdown for slide text. Raw HTML is off, so `<script>` in data is shown as text;
 * `breaks` keeps a line break written in the data; no typographer, so the wording is exactly
 * the data's (it would turn "..." into "…" and straight quotes into curly ones).
 */
const md = new MarkdownIt('zero', { html: false, breaks: true, linkify: false, typographer: false })
  .enable(['emphasis', 'newline', 'escape', 'backticks', 'entity']);

export function renderInline(text: string): string {
  return md.renderInline(text);
}

/** The text as a reader sees it: markdown markers gone, for search, QA and PDF comparisons. */
export function plainText(text: string): string {
  return md
    .renderInline(text)
    .replace(/<br>\n?/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
