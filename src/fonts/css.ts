import type { SubsetFace } from './subset.js';

function cssString(s: string): string {
  // `<` is escaped too, so the rules can sit inside an HTML <style> element.
  return `"${s
    .replace(/[\\"]/g, '\\$&')
    .replace(/[\n\r\f]/g, ' ')
    .replace(/</g, '\\3c ')}"`;
}

/**
 * `@font-face` rules embedding the subsets as base64 data URLs. `font-display: block`, so
 * a PDF export never captures a fallback font.
 */
export function fontFaceCss(faces: readonly SubsetFace[], cssFamily: string): string {
  return faces
    .map(
      (f) =>
        `@font-face{font-family:${cssString(cssFamily)};font-style:normal;font-weight:${f.weight};` +
        `font-display:block;src:url(data:font/woff2;base64,${f.woff2.toString('base64')}) format("woff2");}`,
    )
    .join('\n');
}

/**
 * Characters of the text that no family has a glyph for: those missing from every family
 * among `faces` (coverage is the same for all weights of a family).
 */
export function uncoveredChars(faces: readonly SubsetFace[]): string[] {
  const byFamily = new Map<string, Set<string>>();
  for (const f of faces) if (!byFamily.has(f.family)) byFamily.set(f.family, new Set(f.missing));
  const [first, ...rest] = [...byFamily.values()];
  if (!first) return [];
  return [...first].filter((ch) => rest.every((s) => s.has(ch)));
}
