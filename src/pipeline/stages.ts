import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Project } from '../load/project.js';
import type { LayoutPlan } from '../layout/types.js';
import { renderDeck, slideHtml } from '../render/deck.js';
import type { DeckAssets, Mode } from '../render/deck.js';
import { compileTemplates } from '../render/templates.js';
import type { CompiledTemplates, TemplateSources } from '../render/templates.js';
import { TEMPLATES_DIR, packageVersion, readAssets, readTemplates } from './assets.js';
import { loadTemplateSpecs } from './template-cache.js';

/**
 * Stages `build` and `serve` share. `build` runs each once; `serve` keeps their results and
 * reruns only the stages a saved file affects (serve/live.ts).
 */

/** Everything that comes from bideck's templates folder (or a --templates overlay), compiled. */
export interface Toolkit {
  sources: TemplateSources;
  templates: CompiledTemplates;
  assets: DeckAssets;
  version: string;
}

/** With a cache folder, templates compiled before are taken precompiled from it (pipeline/template-cache.ts). */
export async function loadToolkit(templatesDir?: string, cacheDir?: string): Promise<Toolkit> {
  const [sources, assets, version] = await Promise.all([readTemplates(templatesDir), readAssets(), packageVersion()]);
  if (cacheDir) await loadTemplateSpecs(cacheDir, Object.values(sources).map((s) => s.source));
  return { sources, templates: compileTemplates(sources), assets, version };
}

/** One mode's deck as one self-contained HTML document. */
export function renderMode(project: Project, toolkit: Toolkit, fontCss: string, mode: Mode, liveScript?: string, layout?: LayoutPlan): string {
  const { templates, assets, version } = toolkit;
  return renderDeck({
    model: project.model,
    brand: project.brand,
    templates,
    assets,
    fontCss,
    mode,
    version,
    ...(liveScript === undefined ? {} : { liveScript }),
    ...(layout ? { layout } : {}),
  });
}

/**
 * The slides alone, as the deck document holds them. They do not depend on the mode (the
 * language shown is a class on <html>), so one render serves every mode's page.
 */
export function renderSlides(project: Project, toolkit: Toolkit): string {
  const input = { model: project.model, brand: project.brand, templates: toolkit.templates, mode: 'bi' as const };
  return project.model.slides.map((s) => slideHtml(s, input)).join('\n');
}

/** The handout's stylesheet; its page skeleton is the `handout` template. */
export function readHandoutCss(dir = TEMPLATES_DIR): Promise<string> {
  return readFile(join(dir, 'handout.css'), 'utf8');
}
