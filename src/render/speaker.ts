import { cspHash } from './inline.js';

/**
 * reveal.js's speaker view (S key) is a popup the notes plugin fills with `document.write`.
 * A popup opened at about:blank inherits its opener's Content-Security-Policy (CSP3 §4.2.2,
 * policy container inheritance), so the deck's hash-only `script-src` blocks the speaker
 * view's own inline script and `default-src 'none'` blocks its two slide-preview iframes.
 * The deck's policy therefore lists the hash of each script the speaker view writes.
 */
export function speakerViewScriptHashes(notesJs: string): string[] {
  if (notesJs === lastJs) return lastHashes;
  const page = speakerViewHtml(notesJs);
  const scripts = page ? [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '') : [];
  lastJs = notesJs;
  lastHashes = scripts.map(cspHash);
  return lastHashes;
}

let lastJs = '';
let lastHashes: string[] = [];

/**
 * The speaker view's HTML as the browser receives it: the plugin holds it as one template
 * literal without substitutions, passed to `document.write`; cook its escapes as JS would.
 * @internal
 */
export function speakerViewHtml(notesJs: string): string | undefined {
  const start = notesJs.indexOf('document.write(`');
  if (start < 0) return undefined;
  const from = start + 'document.write(`'.length;
  // The literal ends at the first backtick that is not escaped.
  const end = /(?<!\\)(?:\\\\)*`/.exec(notesJs.slice(from));
  if (!end) return undefined;
  const raw = notesJs.slice(from, from + end.index + end[0].length - 1);
  if (raw.includes('${')) return undefined;
  return raw.replace(/\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|\r\n|[\s\S])/g, (_, esc: string) => {
    if (/^x[0-9a-f]{2}$/i.test(esc)) return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (/^u/.test(esc) && esc.length > 1) return String.fromCodePoint(parseInt(esc.replace(/[u{}]/g, ''), 16));
    if (esc === '\n' || esc === '\r\n') return ''; // line continuation
    return ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' } as Record<string, string>)[esc] ?? esc;
  });
}
