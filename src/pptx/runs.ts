import { renderInline } from '../render/markdown.js';

/** A stretch of text with one formatting; `br` is a line break in front of it. */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  br: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/**
 * Inline markdown → runs, from the same markdown-it rendering the HTML deck shows (so
 * `**bold**` is bold exactly where the deck has <strong>). The renderer only ever emits
 * strong, em, code and br (render/markdown.ts enables nothing else, raw HTML is off).
 */
export function markdownRuns(text: string): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  let br = false;
  for (const token of renderInline(text).split(/(<[^>]+>)/)) {
    if (token === '') continue;
    if (token.startsWith('<')) {
      const tag = /^<(\/?)(\w+)/.exec(token);
      const closing = tag?.[1] === '/';
      const name = tag?.[2];
      if (name === 'strong') bold += closing ? -1 : 1;
      else if (name === 'em') italic += closing ? -1 : 1;
      else if (name === 'br') br = true;
      continue;
    }
    const plain = token.replace(/&(lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e] ?? e).replace(/\n/g, '');
    if (plain === '') continue;
    runs.push({ text: plain, bold: bold > 0, italic: italic > 0, br });
    br = false;
  }
  return runs;
}
