import { createHash } from 'node:crypto';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { DEFAULT_CACHE_DIR } from '../pipeline/build.js';
import { TEMPLATES_DIR } from '../pipeline/assets.js';
import { embedFonts } from '../pipeline/fonts.js';
import { reviewPage } from '../pipeline/review.js';
import { loadToolkit, renderMode, renderSlides } from '../pipeline/stages.js';
import type { Toolkit } from '../pipeline/stages.js';
import { runChecks } from '../check/index.js';
import { BideckError } from '../errors.js';
import { deckCharacters } from '../fonts/charset.js';
import { BUILTIN_BRANDS } from '../load/brand.js';
import { loadProject, loadYamlFile } from '../load/project.js';
import { sourcesFile } from '../load/sources.js';
import type { Project } from '../load/project.js';
import type { Mode } from '../render/deck.js';
import { liveClientScript } from './client.js';
import { reviewLiveScript } from './review-client.js';

export interface LiveOptions {
  deckPath: string;
  /** A --templates overlay folder, watched like bideck's own templates. */
  templatesDir?: string;
  cacheDir?: string;
}

/** What a saved file can invalidate. */
export interface Changes {
  data: boolean;
  templates: boolean;
}

/** The last good build, kept in memory: everything a page or a PDF is rendered from. */
export interface Snapshot {
  generation: number;
  project: Project;
  toolkit: Toolkit;
  fontCss: string;
}

/** What a page needs to update itself in place: sent with every `reload` event. */
export interface LiveUpdate {
  generation: number;
  /** Shell hash per mode a browser has asked for (see `shellHash`). */
  shells: Partial<Record<Mode, string>>;
  slides: string;
}

export type RebuildResult = { ok: true; generation: number; ms: number; stages: string[] } | { ok: false; error: unknown; ms: number };

/**
 * The deck as `serve` keeps it: the stages of `build` (build/stages.ts), each rerun only when
 * a change reaches it. Data → load and validate; templates → read and compile; fonts only when
 * the deck's characters changed; HTML per mode, on demand, from the last good snapshot.
 */
export class LiveDeck {
  private good: Snapshot | undefined;
  private fontKey = '';
  /** Changes not yet built successfully: a failed rebuild leaves them for the next one. */
  private pending: Changes = { data: true, templates: true };
  private readonly pages = new Map<Mode, string>();
  private current: LiveUpdate | undefined;
  private reviewHtml: Promise<string> | undefined;
  /** A review page has been asked for: each build renders it at once, before it reloads. */
  private reviewViewed = false;
  /** Modes a browser asked for: each build makes their shells at once (and meets their errors). */
  private readonly viewed = new Set<Mode>(['bi']);
  error: unknown;

  constructor(readonly options: LiveOptions) {}

  get snapshot(): Snapshot | undefined {
    return this.good;
  }

  /**
   * Files the last failed rebuild named or would have read: the file its error points at, and
   * the brand and glossary the deck asks for. Watched too, so fixing a brand that was broken
   * from the start is picked up (issue 10.11).
   */
  private named: string[] = [];

  /**
   * The files to watch: the deck, its brand, glossary, sources record and images (once known),
   * and the templates. An image is part of the deck's data: replacing a logo or a photo rebuilds.
   */
  watchedPaths(): string[] {
    const p = this.good?.project;
    const images = p ? [...(p.model.images?.keys() ?? [])].map((ref) => resolve(dirname(p.deckFile), ref)) : [];
    // `bideck approve` or an import rewrites the sources record: stale flags change with it.
    const files = [...new Set([resolve(this.options.deckPath), p?.brandFile, p?.glossaryFile, p?.approved ? sourcesFile(p.deckFile) : undefined, ...images, ...this.named])];
    const dirs = [TEMPLATES_DIR, this.options.templatesDir ? resolve(this.options.templatesDir) : undefined];
    return [...files, ...dirs].filter((f): f is string => f !== undefined);
  }

  /** Is `file` one of the templates (or the deck's CSS and runtime next to them)? */
  isTemplate(file: string): boolean {
    const dirs = [TEMPLATES_DIR, ...(this.options.templatesDir ? [resolve(this.options.templatesDir)] : [])];
    return dirs.some((d) => {
      const rel = relative(d, resolve(file));
      return !rel.startsWith('..') && !isAbsolute(rel);
    });
  }

  async rebuild(changes: Changes): Promise<RebuildResult> {
    const start = performance.now();
    const todo: Changes = { data: this.pending.data || changes.data, templates: this.pending.templates || changes.templates };
    this.pending = todo;
    const stages: string[] = [];
    try {
      const toolkit = todo.templates || !this.good ? await loadToolkit(this.options.templatesDir, this.options.cacheDir ?? DEFAULT_CACHE_DIR) : this.good.toolkit;
      if (todo.templates) stages.push('templates');
      const project = todo.data || !this.good ? await loadProject(this.options.deckPath) : this.good.project;
      if (todo.data) stages.push('load');
      const chars = deckCharacters(project.model, project.brand);
      const key = JSON.stringify([chars, project.brand.fonts]);
      let fontCss = this.good?.fontCss ?? '';
      if (key !== this.fontKey || !this.good) {
        fontCss = (await embedFonts(project, this.options.cacheDir ?? DEFAULT_CACHE_DIR)).css;
        stages.push('fonts');
      }
      const next: Snapshot = { generation: (this.good?.generation ?? 0) + 1, project, toolkit, fontCss };
      // Pages render when asked for; only what an open page needs to update is made now.
      const shells = Object.fromEntries([...this.viewed].map((mode) => [mode, shellHash(next, mode)]));
      const slides = renderSlides(project, toolkit);
      stages.push('render');
      this.good = next;
      this.fontKey = key;
      this.current = { generation: next.generation, shells, slides };
      this.pages.clear();
      this.reviewHtml = undefined;
      this.pending = { data: false, templates: false };
      this.error = undefined;
      // An open review page reloads on this build's event: have its page on the way already.
      if (this.reviewViewed) void this.review()?.catch(() => undefined);
      this.named = [];
      return { ok: true, generation: next.generation, ms: performance.now() - start, stages };
    } catch (error) {
      this.error = error;
      this.named = await namedInputs(this.options.deckPath, error);
      return { ok: false, error, ms: performance.now() - start };
    }
  }

  /** The update of the last good build, for pages to catch up with. */
  get update(): LiveUpdate | undefined {
    return this.current;
  }

  /** The translator's review page with the QA findings and its live client, rendered once per generation. */
  review(): Promise<string> | undefined {
    const s = this.good;
    if (!s) return undefined;
    this.reviewViewed = true;
    this.reviewHtml ??= reviewPage(s.project, s.toolkit, s.fontCss, runChecks(s.project), { live: reviewLiveScript(s.generation) });
    return this.reviewHtml;
  }

  /** A mode's page with the live client, rendered once per generation. */
  page(mode: Mode): string | undefined {
    const s = this.good;
    if (!s || !this.current) return undefined;
    let html = this.pages.get(mode);
    if (html === undefined) {
      this.viewed.add(mode);
      const shell = (this.current.shells[mode] ??= shellHash(s, mode));
      html = renderMode(s.project, s.toolkit, s.fontCss, mode, liveClientScript({ generation: s.generation, shell }));
      this.pages.set(mode, html);
    }
    return html;
  }
}

/**
 * Hash of a mode's page without its slides and without the live client: styles, fonts,
 * scripts, title. Two builds with the same shell differ in their slides only, which an open
 * page can swap in place.
 */
function shellHash(s: Snapshot, mode: Mode): string {
  const empty = { ...s.project, model: { ...s.project.model, slides: [] } };
  return createHash('sha256').update(renderMode(empty, s.toolkit, s.fontCss, mode)).digest('base64url');
}

/** The file an error points at, and the brand and glossary files the deck names (as far as it reads). */
async function namedInputs(deckPath: string, error: unknown): Promise<string[]> {
  const out: string[] = [];
  if (error instanceof BideckError && error.location) out.push(resolve(error.location.file));
  try {
    const deck = (await loadYamlFile(resolve(deckPath))).data as { meta?: { brand?: unknown; glossary?: unknown } } | null;
    const root = dirname(resolve(deckPath));
    const brand = deck?.meta?.brand;
    // Only files inside the deck's folder, as the loader allows (load/files.ts resolveInside).
    const inside = (ref: unknown) => {
      const file = typeof ref === 'string' ? resolve(root, ref) : undefined;
      if (file && file !== root && !relative(root, file).startsWith('..')) out.push(file);
    };
    if (typeof brand === 'string' && /^[a-z0-9-]+$/.test(brand)) out.push(join(BUILTIN_BRANDS, `${brand}.yaml`));
    else inside(brand);
    inside(deck?.meta?.glossary);
  } catch {
    // The deck itself is what is broken: it is watched anyway.
  }
  return out;
}

/** `error: file:line:col path: message`, exactly as `bideck build` prints it. */
export function errorText(error: unknown): string {
  if (error instanceof BideckError) return error.format();
  return `internal error (please report it): ${(error as Error).stack ?? String(error)}`;
}
