import { BideckError } from '../errors.js';
import { deckCharacters } from '../fonts/charset.js';
import { fontFaceCss, subsetFamily } from '../fonts/index.js';
import type { Project } from '../load/project.js';
import { formatPath } from '../load/yaml.js';
import { FAMILY } from '../render/css.js';

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
  // The Chinese face is the last in every font stack: what it lacks, nothing embedded has.
  const missing = zh[0]?.missing ?? [];
  if (missing.length > 0) throw uncoveredError(project, missing);
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
function uncoveredError(project: Project, missing: readonly string[]): BideckError {
  const names = missing.map((c) => `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()})`).join(', ');
  const message = `${names} cannot be shown: the brand fonts (${project.brand.fonts.zh.family}, ${project.brand.fonts.en.family}) have no glyph for it; remove it or use a brand font that has it`;
  for (const seg of project.model.segments) {
    for (const lang of ['zh', 'en'] as const) {
      if (missing.some((c) => seg.text[lang].includes(c))) {
        const path = [...seg.path, lang];
        return new BideckError('data', message, { location: project.deckSource.locate(path), path: formatPath(path) });
      }
    }
  }
  return new BideckError('data', message, { location: { file: project.deckSource.file } });
}
