import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAssets, readTemplates } from '../../src/pipeline/assets.js';
import { readReviewAssets } from '../../src/pipeline/review.js';
import { runChecks } from '../../src/check/index.js';
import type { Finding } from '../../src/check/types.js';
import { loadProject } from '../../src/load/project.js';
import type { Project } from '../../src/load/project.js';
import type Handlebars from 'handlebars';
import { renderDeck } from '../../src/render/deck.js';
import { renderReview } from '../../src/render/review.js';
import { reviewData } from '../../src/render/review-model.js';
import { compileTemplates } from '../../src/render/templates.js';
import type { ReviewInput } from '../../src/render/review.js';
import { ROOT } from '../helpers/seed.js';

const BROKEN = join(ROOT, 'test', 'fixtures', 'review-broken', 'deck.yaml');

describe('the review page', () => {
  let project: Project;
  let input: ReviewInput;
  let html: string;

  beforeAll(async () => {
    project = await loadProject(BROKEN);
    const [sources, assets, review] = await Promise.all([readTemplates(), readAssets(), readReviewAssets()]);
    input = {
      model: project.model,
      brand: project.brand,
      templates: compileTemplates(sources),
      sources,
      assets,
      review,
      fontCss: '',
      findings: runChecks(project),
      version: '0.0.0-test',
    };
    html = renderReview(input);
  });

  it('shows every slide twice, in a 中文 frame and an English frame, with its segments', () => {
    for (const slide of project.model.slides) {
      const section = sectionOf(html, slide.number);
      expect(section.match(/<div class="rv-frame__stage mode-(zh|en)"/g), `slide ${slide.number}`).toEqual([
        '<div class="rv-frame__stage mode-zh"',
        '<div class="rv-frame__stage mode-en"',
      ]);
      const rows = [...section.matchAll(/<tr id="seg-([^"]+)"/g)].map((m) => m[1]);
      expect(rows).toEqual(project.model.segments.filter((s) => s.slide === slide.number).map((s) => s.id));
    }
  });

  it('puts each finding under its segment, with rule, language and where to fix it', () => {
    const row = (id: string) => /<tr id="seg-[^"]+"[\s\S]*?<\/tr>/g.exec(html.slice(html.indexOf(`<tr id="seg-${id}"`)))?.[0] ?? '';
    expect(row('broken.empty.p1')).toContain('<span class="rv-flag__rule">missing-translation</span> <span class="rv-flag__lang">EN</span>');
    expect(row('broken.empty.p1')).toContain('<span class="rv-empty">empty</span>');
    expect(row('broken.empty.funding')).toContain('<span class="rv-flag__rule">amount-mismatch</span>');
    expect(row('broken.empty.funding')).toMatch(/<code class="rv-flag__where">test\/fixtures\/review-broken\/deck\.yaml:\d+:\d+<\/code>/);
    expect(row('broken.empty.funding')).toContain('<span class="rv-amounts">HK$200,000,000</span>');
    expect(sectionOf(html, 2)).toContain('data-problems="2"');
    expect(sectionOf(html, 3)).toContain('data-problems="0"');
  });

  it('escapes text from the data and findings', () => {
    const model = structuredClone(project.model);
    const seg = model.segments.find((s) => s.id === 'broken.empty.p2');
    if (!seg) throw new Error('fixture changed');
    seg.text = { zh: '<script>alert(1)</script>', en: '"><img src=x onerror=alert(1)>' };
    const finding: Finding = { rule: 'x', severity: 'error', slide: 2, segment: seg.id, message: '<b>bold</b>' };
    const out = renderReview({ ...input, model, findings: [finding] });
    expect(out).not.toContain('<script>alert');
    expect(out).not.toContain('<img src=x');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('is self-contained: its script and style allowed by hash, nothing else, no network', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#x27;/g, "'").replace(/&#x3D;/g, '=') ?? '';
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    expect(csp).toContain(`script-src ${hash(script)};`);
    expect(csp).toContain(`style-src ${hash(style)};`);
    expect(csp).toContain("default-src 'none'");
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
  });

  it("renders each slide once for a deck and its review page: the frames are the deck's own slides", () => {
    let calls = 0;
    const counted = new Map([...input.templates.layouts].map(([name, t]) => [name, ((context: unknown, options?: Handlebars.RuntimeOptions) => (calls++, t(context, options))) as Handlebars.TemplateDelegate]));
    const templates = { ...input.templates, layouts: counted };
    const deck = renderDeck({ ...input, templates, mode: 'bi' });
    expect(calls).toBe(project.model.slides.length);
    const page = renderReview({ ...input, templates });
    expect(calls).toBe(project.model.slides.length);
    expect(page).toBe(html); // the same page as rendered by itself
    expect(deck).toContain(project.model.slides.at(-1)?.id ?? '?');
  });

  it('has no duplicate element ids although every slide appears twice', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe('reviewData', () => {
  it('files a finding under its segment, else its slide, else the deck', async () => {
    const { model } = await loadProject(BROKEN);
    const f = (over: Partial<Finding>): Finding => ({ rule: 'r', severity: 'warning', slide: 2, message: 'm', ...over });
    const data = reviewData(model, [
      f({ segment: 'broken.empty.p2', severity: 'error' }),
      f({ slide: 3, message: 'slide-level' }),
      f({ slide: 0, message: 'deck-level' }),
      f({ slide: 2, segment: 'no.such.segment', message: 'unknown segment' }),
    ]);
    const [, two, three] = data.slides;
    expect(two?.segments.find((s) => s.id === 'broken.empty.p2')?.flags.map((x) => x.severity)).toEqual(['error']);
    expect(two?.flags.map((x) => x.message)).toEqual(['unknown segment']);
    expect(two).toMatchObject({ problems: 2, severity: 'error' });
    expect(three).toMatchObject({ problems: 1, severity: 'warning' });
    expect(three?.flags.map((x) => x.message)).toEqual(['slide-level']);
    expect(data.deckFlags.map((x) => x.message)).toEqual(['deck-level']);
    expect(data.counts).toEqual({ slides: 4, segments: model.segments.length, errors: 1, warnings: 3, problemSlides: 2, staleSlides: 0 });
  });
});

/** The review card of one slide. */
function sectionOf(html: string, n: number): string {
  const start = html.indexOf(`<section class="rv-slide`, html.indexOf(`id="slide-${n}"`) - 80);
  const end = html.indexOf('</table>', start);
  return html.slice(start, end);
}
