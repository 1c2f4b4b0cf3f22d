import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { markText } from './phrases.js';

/** The language a text is set in: Chinese gets phrase breaks, both get unbreakable amounts. */
export type TextLang = 'zh' | 'en';

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

/**
 * One text as HTML. With a language, it is also marked for line breaking (render/phrases.ts):
 * Chinese gets <wbr> between phrases, amounts a no-wrap span; only markup is added, never a
 * character, so the text a reader copies or pdftotext reads is unchanged.
 */
export function renderInline(text: string, lang?: TextLang): string {
  const key = lang === undefined ? text : `${lang}\u0000${text}`;
  let html = cache.get(key);
  if (html === undefined) {
    html = lang === undefined ? md.renderInline(text) : renderMarked(text, lang);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, html);
  }
  return html;
}

function renderMarked(text: string, lang: TextLang): string {
  const env = {};
  const tokens = md.parseInline(text, env);
  for (const t of tokens) if (t.children) t.children = markTokens(t.children, lang);
  return md.renderer.render(tokens, md.options, env);
}

/** What a token adds to the text a reader sees. */
function plainOf(t: Token): string {
  if (t.type === 'text' || t.type === 'code_inline') return t.content;
  return t.type === 'softbreak' || t.type === 'hardbreak' ? '\n' : '';
}

/**
 * Phrases are found on the whole text (bold spans and all), then each text token is
 * rewritten as escaped HTML with the marks that fall inside it.
 */
function markTokens(children: Token[], lang: TextLang): Token[] {
  const starts: number[] = [];
  let plain = '';
  for (const t of children) {
    starts.push(plain.length);
    plain += plainOf(t);
  }
  const marks = markText(plain, lang);
  if (marks.breaks.length === 0 && marks.keep.length === 0 && marks.halfWidth.length === 0) return children;
  const breaks = new Set(marks.breaks);
  const half = new Set(marks.halfWidth);
  return children.map((t, n) => {
    if (t.type !== 'text') return t;
    const from = starts[n] ?? 0;
    const to = from + t.content.length;
    const points = new Set([from, to]);
    for (const i of [...breaks, ...marks.keep.flat(), ...[...half].flatMap((h) => [h, h + 1])]) {
      if (i > from && i < to) points.add(i);
    }
    const cuts = [...points].sort((a, b) => a - b);
    const kept = (a: number) => marks.keep.some(([s, e]) => a >= s && a < e);
    let html = '';
    for (let k = 0; k + 1 < cuts.length; k++) {
      const a = cuts[k] ?? from;
      const c = cuts[k + 1] ?? to;
      if (breaks.has(a)) html += '<wbr>';
      if (kept(a) && (a === from || !kept(cuts[k - 1] ?? a))) html += '<span class="t-nobr">';
      const seg = md.utils.escapeHtml(plain.slice(a, c));
      html += half.has(a) ? `<span class="t-halt">${seg}</span>` : seg;
      if (kept(a) && (c === to || !kept(c))) html += '</span>';
    }
    // The token comes from this call's parse: rewrite it in place as the HTML just written.
    t.type = 'html_inline';
    t.content = html;
    return t;
  });
}

/** A template's language argument (`{{md text.zh "zh"}}`); Handlebars passes its options object when there is none. */
export function textLang(value: unknown): TextLang | undefined {
  return value === 'zh' || value === 'en' ? value : undefined;
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
