export { subsetFamily, fontStats, FONT_MODULE_VERSION } from './subset.js';
export type { FontSource, FontRequest, SubsetFace } from './subset.js';
export { fontFaceCss, uncoveredChars } from './css.js';
export { KNOWN_FONT_PACKAGES } from './package.js';
export { LATIN_EXTRAS, CJK_EXTRAS } from './codepoints.js';
