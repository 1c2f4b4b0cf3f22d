import { BideckError } from '../errors.js';
import { deckCharacters } from '../fonts/charset.js';
import { fontFaceCss, subsetFamily } from '../fonts/index.js';
import type { Project } from '../load/project.js';
import { formatPath } from '../load/yaml.js';
import { FAMILY } from '../render/css.js';
import { plainText } from '../render/markdown.js';

export interface EmbeddedFonts {
  css: string;
  bytes: number;
  summary: string;
}

/** Subset both brand faces to the deck's characters and turn them into @font-face rules. */
export async function embedFonts(project: Project, cacheDir: string): Promise<EmbeddedFonts> {
  const { model, brand } = project;
  const chars = deckCharacters(model, brand);
  const [zh, en] = await Promise.all([
    subsetFamily({ source: { packageName: brand.fonts.zh.package, family: brand.fonts.zh.family }, weights: brand.fonts.weights, text: chars.zh, cacheDir }),
    subsetFamily({ source: { packageName: brand.fonts.en.package, family: brand.fonts.en.family }, weights: brand.fonts.weights, text: chars.en, cacheDir }),
  ]);
  // Each language is checked against the faces its text is drawn with (render/css.ts): Chinese
  // text by the Chinese face alone, English by the Latin face and then the Chinese one. Checking
  // only the Chinese face refused Łódź and ₹, which the Latin face draws (issue 10.6).
  const zhMissing = new Set(zh[0]?.missing ?? []);
  const enMissing = new Set(en[0]?.missing ?? []);
  const zhOwn = deckCharacters(model, brand, 'zh');
  const uncovered = {
    zh: [...zhMissing].filter((c) => zhOwn.includes(c)),
    en: [...enMissing].filter((c) => zhMissing.has(c)),
  };
  if (uncovered.zh.length + uncovered.en.length > 0) throw uncoveredError(project, uncovered);
  const faces = [...zh, ...en];
  const bytes = faces.reduce((n, f) => n + f.woff2.length, 0);
  const cached = faces.filter((f) => f.cached).length;
  return {
    css: fontFaceCss(zh, FAMILY.zh) + fontFaceCss(en, FAMILY.en),
    bytes,
    summary: `${faces.length} faces, ${Math.round(bytes / 1024)} KB${cached === faces.length ? ', cached' : ''}`,
  };
}

/**
 * A character the brand fonts cannot draw would be drawn by whatever font the viewing
 * machine has, so the deck would not look the same everywhere: refuse it, saying where it is.
 */
function uncoveredError(project: Project, uncovered: Record<'zh' | 'en', readonly string[]>): BideckError {
  const { zh, en } = project.brand.fonts;
  const lang = uncovered.en.length > 0 ? 'en' : 'zh';
  const missing = uncovered[lang];
  const names = missing.map((c) => `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()})`).join(', ');
  const it = missing.length > 1 ? 'them' : 'it';
  const why = lang === 'zh'
    ? `in Chinese text: the brand's Chinese font (${zh.family}) has no glyph for ${it}`
    : `in English text: neither brand font (${en.family}, ${zh.family}) has a glyph for ${it}`;
  const message = `${names} cannot be shown ${why}; remove ${it} or use a brand font that has ${it}`;
  // Looked for in the text as shown, so a character written as `&#x…;` is found too.
  for (const seg of project.model.segments) {
    if (missing.some((c) => plainText(seg.text[lang]).includes(c))) {
      const path = [...seg.path, lang];
      return new BideckError('data', message, { location: project.deckSource.locate(path), path: formatPath(path) });
    }
  }
  return new BideckError('data', message, { location: { file: project.deckSource.file } });
}
