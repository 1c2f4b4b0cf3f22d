/** The layout stage: measure in the print view (probe.ts), decide (decide.ts), record (types.ts). */
export { LayoutError, runLayout } from './stage.js';
export type { LayoutInput, LayoutOutput } from './stage.js';
export { applySplits } from './split.js';
export { candidates, findProblems, floorPx, planSplit, problemSlides, FIT_STEPS, PX_PER_PT } from './decide.js';
export { layoutHash, readCachedPlan, writeCachedPlan } from './cache.js';
export type * from './types.js';
