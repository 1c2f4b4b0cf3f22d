// The public API: re-exports only.
export { build, outputName } from './build/build.js';
export type { BuildOptions, BuildResult } from './build/build.js';
export { loadProject } from './load/project.js';
export type { Project } from './load/project.js';
export { buildModel } from './model/deck.js';
export type { DeckModel, Segment, SlideModel } from './model/types.js';
export { renderDeck, MODES } from './render/deck.js';
export type { Mode } from './render/deck.js';
export { Deck } from './schema/deck.js';
export { Brand } from './schema/brand.js';
export { jsonSchemas } from './schema/json.js';
export { BideckError, ExitCode } from './errors.js';
