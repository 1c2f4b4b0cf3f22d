/** The code points a subset is built for: the deck's text plus characters UI strings rely on. */

/** Printable ASCII, no-break space and common typographic punctuation. */
export const LATIN_EXTRAS: string =
  String.fromCharCode(...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i)) +
  '\u00a0“”‘’–—…·•×';

/** Common CJK punctuation (full-width forms) and the ideographic space. */
export const CJK_EXTRAS = '、。，；：？！「」『』《》〈〉【】（）～・\u3000';

/** Unique code points of `text`, sorted; control characters and lone surrogates are dropped. */
export function codePoints(text: string): number[] {
  const set = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0xd800 && cp <= 0xdfff)) continue;
    set.add(cp);
  }
  return [...set].sort((a, b) => a - b);
}

export function fromCodePoints(cps: Iterable<number>): string {
  let s = '';
  for (const cp of cps) s += String.fromCodePoint(cp);
  return s;
}
