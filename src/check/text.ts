import type { Segment } from '../model/types.js';
import { plainText } from '../render/markdown.js';
import type { Lang } from './types.js';

/** Helpers the rules share. @internal */

export const LANGUAGE: Readonly<Record<Lang, string>> = { zh: 'Chinese', en: 'English' };

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

export function hasLatin(text: string): boolean {
  return LATIN.test(text);
}

/** A segment's text in one language as a reader sees it: markdown markers gone. */
export function readText(segment: Segment, lang: Lang): string {
  return plainText(segment.text[lang]);
}

/** For quoting text in a message: one line, at most `max` characters. */
export function quote(text: string, max = 40): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `“${one.length > max ? `${one.slice(0, max - 1)}…` : one}”`;
}

/**
 * A few characters either side of position `at`, to show where in a text a problem is. `text`
 * is a string (`at` a UTF-16 index) or an array of code points (`at` an index into it).
 */
export function around(text: string | readonly string[], at: number, width = 8): string {
  const start = Math.max(0, at - width);
  const end = Math.min(text.length, at + width + 1);
  const part = typeof text === 'string' ? text.slice(start, end) : text.slice(start, end).join('');
  return `${start > 0 ? '…' : ''}${part.replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
}

/** Segments a translator has marked as one text for both languages (a name) are not compared. */
export function isShared(segment: Segment): boolean {
  return segment.text.shared === true;
}
