import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '../check/types.js';
import { BideckError } from '../errors.js';
import type { Project } from '../load/project.js';
import type { LayoutPlan } from '../layout/types.js';
import { renderReview } from '../render/review.js';
import type { ReviewAssets } from '../render/review.js';
import { TEMPLATES_DIR, readFitJs } from './assets.js';
import type { Toolkit } from './stages.js';

/** Output name of the review page, beside the decks. */
export const REVIEW_FILE = 'review.html';

export async function readReviewAssets(dir = TEMPLATES_DIR): Promise<ReviewAssets> {
  try {
    const [css, fit, js] = await Promise.all([readFile(join(dir, 'review.css'), 'utf8'), readFitJs(dir), readFile(join(dir, 'review.js'), 'utf8')]);
    // The deck's own fit script first, so the frames are fitted exactly as the deck is.
    return { css, js: `${fit}\n${js}` };
  } catch (cause) {
    throw new BideckError('render', `the review page's assets cannot be read: ${(cause as Error).message}`, { cause });
  }
}

/** The side-by-side review page, with the build's QA findings as its flags. */
export async function reviewPage(project: Project, toolkit: Toolkit, fontCss: string, findings: readonly Finding[], extra: { live?: string; layout?: LayoutPlan } = {}): Promise<string> {
  return renderReview({
    model: project.model,
    brand: project.brand,
    templates: toolkit.templates,
    sources: toolkit.sources,
    assets: toolkit.assets,
    review: await readReviewAssets(),
    fontCss,
    findings,
    version: toolkit.version,
    ...(extra.live === undefined ? {} : { live: extra.live }),
    ...(extra.layout ? { layout: extra.layout } : {}),
  });
}
