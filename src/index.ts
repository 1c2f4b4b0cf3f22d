// The public API: re-exports only.
export { build, outputName } from './pipeline/build.js';
export type { BuildOptions, BuildResult } from './pipeline/build.js';
export type { Reporter, StageTiming } from './pipeline/log.js';
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
export { checkDeck } from './pipeline/check.js';
export type { CheckDeckOptions, CheckDeckResult } from './pipeline/check.js';
export { RULES, runChecks } from './check/index.js';
export type { CheckOptions, Finding } from './check/index.js';
export { formatAmount, parseAmounts, parseRatios } from './model/amount.js';
export type { Amount, Currency, Ratio } from './model/amount.js';
export { VERBS } from './model/amount-verbs.js';
export { approveTranslations } from './xliff/approve.js';
export type { ApproveResult } from './xliff/approve.js';
export { serve } from './serve/serve.js';
export type { ServeHandle, ServeOptions } from './serve/serve.js';
export { exportXliff, importXliff } from './xliff/index.js';
export type { ExportResult, ImportResult } from './xliff/index.js';
export { initDeck } from './scaffold/init.js';
export type { InitResult } from './scaffold/init.js';
// The layout stage's decisions (`<id>.layout.json`): sizes, columns, continuation slides and
// every block's box in CSS px, for writers that place native shapes (PowerPoint).
export { LayoutError, applySplits, findProblems, floorPx, problemSlides, FIT_STEPS, PX_PER_PT } from './layout/index.js';
export type { BlockKind, Box, InitiativePart, LayoutPlan, Row, SlideDecision, SlidePart, SlideSplit } from './layout/index.js';
