import { renderInline } from '../render/markdown.js';

/**
 * Inline markdown as XLIFF 2.0 inline codes, so that CAT tools protect it (XLIFF 2.0 §4.1.2,
 * "Inline Content"): `**bold**` becomes `<pc id="1" type="fmt" subType="xlf:b" …>bold</pc>`,
 * `*italic*` the same with xlf:i. The markers themselves go into the unit's `<originalData>`
 * (dataRefStart / dataRefEnd), and `dispStart` / `dispEnd` show them, so that `**` and `__`
 * come back exactly as written.
 * @internal
 */

export interface Code {
  /** The pc id, unique in the unit: "1", "2" … in source order. */
  id: string;
  kind: 'b' | 'i';
  /** The markdown delimiter as written: `**`, `__`, `*` or `_`. */
  marker: string;
  children: Inline[];
}
export type Inline = string | Code;

const DELIMITER = /(\*\*|__|\*|_)/;

/**
 * The text as runs and codes. Only emphasis markdown-it itself reads as emphasis becomes a
 * code: the split is rendered back and must give markdown-it's HTML, else (odd nesting,
 * escapes next to markers, intraword underscores) the text stays one plain run, markers and all.
 */
export function toInline(text: string, ids = { next: 1 }): Inline[] {
  if (!DELIMITER.test(text)) return text === '' ? [] : [text];
  const start = ids.next;
  const parts = split(text, ids);
  if (parts && html(parts) === renderInline(text)) return parts;
  ids.next = start;
  return [text];
}

/** The markdown again: markers around each code's content. */
export function fromInline(parts: readonly Inline[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : `${p.marker}${fromInline(p.children)}${p.marker}`)).join('');
}

/** Every code, depth first, in order of their start. */
export function codesOf(parts: readonly Inline[]): Code[] {
  return parts.flatMap((p) => (typeof p === 'string' ? [] : [p, ...codesOf(p.children)]));
}

/** Emphasis the CommonMark way for the cases decks have: a marker run opens before a non-space and closes after one. */
function split(text: string, ids: { next: number }): Inline[] | undefined {
  const out: Inline[] = [];
  let rest = text;
  while (rest) {
    const m = /(\*\*|__|\*|_)(?=\S)/.exec(rest);
    if (!m) break;
    const marker = m[1] ?? '';
    const from = m.index + marker.length;
    const close = findClose(rest, from, marker);
    if (close === undefined) {
      out.push(rest.slice(0, from));
      rest = rest.slice(from);
      continue;
    }
    if (m.index > 0) out.push(rest.slice(0, m.index));
    const id = String(ids.next++);
    const inner = split(rest.slice(from, close), ids);
    if (!inner) return undefined;
    out.push({ id, kind: marker.length === 2 ? 'b' : 'i', marker, children: inner });
    rest = rest.slice(close + marker.length);
  }
  if (rest) out.push(rest);
  return merge(out);
}

function findClose(text: string, from: number, marker: string): number | undefined {
  for (let i = text.indexOf(marker, from); i >= 0; i = text.indexOf(marker, i + 1)) {
    const prev = text[i - 1] ?? '';
    const next = text[i + marker.length] ?? '';
    // Not inside a longer run (the * of **), and closing after a non-space.
    if (i > from && /\S/.test(prev) && next !== marker[0] && prev !== marker[0]) return i;
  }
  return undefined;
}

function merge(parts: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (typeof p === 'string' && typeof last === 'string') out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out;
}

function html(parts: readonly Inline[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return renderInline(p);
      const tag = p.kind === 'b' ? 'strong' : 'em';
      return `<${tag}>${html(p.children)}</${tag}>`;
    })
    .join('');
}
