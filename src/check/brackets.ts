import { around } from './text.js';

/** Brackets and quotes that must pair up, in either language. @internal */

const OPEN_TO_CLOSE: Readonly<Record<string, string>> = {
  '(': ')', '[': ']', '{': '}', '（': '）', '［': '］', '｛': '｝',
  '「': '」', '『': '』', '《': '》', '〈': '〉', '【': '】', '〔': '〕',
  '“': '”', '‘': '’',
};
const CLOSE_TO_OPEN: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(OPEN_TO_CLOSE).map(([o, c]) => [c, o]));

/**
 * What does not pair up in `text`: an opening bracket or quote never closed, a closing one never
 * opened, or a closing one that ends another's pair ("(「)」"). A straight " pairs with the next ".
 * A lone ’ is an apostrophe (Hong Kong’s), so it is only a closing quote after a ‘.
 */
export function unbalanced(text: string): string[] {
  const open: { ch: string; at: number }[] = [];
  const out: string[] = [];
  // Brackets are all in the BMP: walking UTF-16 units keeps `at` a string index.
  text.split('').forEach((ch, at) => {
    const top = open.at(-1);
    if (ch === '"') {
      if (top?.ch === '"') open.pop();
      else open.push({ ch, at });
    } else if (ch in OPEN_TO_CLOSE) {
      open.push({ ch, at });
    } else if (ch in CLOSE_TO_OPEN) {
      const opener = CLOSE_TO_OPEN[ch] ?? '';
      if (top?.ch === opener) open.pop();
      else if (ch === '’') return;
      else if (open.some((o) => o.ch === opener)) {
        // Close the inner ones' gap: report each bracket left open inside this pair.
        while (open.at(-1)?.ch !== opener) {
          const inner = open.pop();
          if (inner) out.push(`${inner.ch} is not closed before ${ch} (${around(text, inner.at)})`);
        }
        open.pop();
      } else {
        out.push(`${ch} has no opening ${opener} (${around(text, at)})`);
      }
    }
  });
  for (const o of open) {
    out.push(o.ch === '"' ? `a " has no closing " (${around(text, o.at)})` : `${o.ch} is opened but not closed with ${OPEN_TO_CLOSE[o.ch] ?? ''} (${around(text, o.at)})`);
  }
  return out;
}
