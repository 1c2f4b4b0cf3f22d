import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDeck } from '../../src/pipeline/check.js';
import { build } from '../../src/pipeline/build.js';
import { runCli } from '../helpers/cli.js';
import type { Finding } from '../../src/check/index.js';

const DENSE = join('test', 'fixtures', 'layout-dense', 'deck.yaml');
const TOO_LONG = join('test', 'fixtures', 'check', 'overflow', 'deck.yaml');

const counter = (html: string, name: string) => Number(new RegExp(`<dt>${name}</dt><dd>(\\d+)</dd>`).exec(html)?.[1]);
const key = (f: Pick<Finding, 'rule' | 'slide' | 'severity'>) => `${f.slide} ${f.rule} ${f.severity}`;

/** Issue 9, point 6: the review page, `check`, `check --json` and the build's warnings agree. */
describe('fit problems: review page, check and build agree', { timeout: 180_000 }, () => {
  it('on a deck whose slides continue (all three modes, bilingual included)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bideck-agree-')), 'dist');
    const warnings: string[] = [];
    const built = await build({ deckPath: DENSE, outDir: dir, pdf: false, reporter: { stage: () => undefined, warn: (m) => warnings.push(m) } });
    const checked = await checkDeck({ deckPath: DENSE, overflow: 'require' });
    const fit = (fs: readonly Finding[]) => fs.filter((f) => f.rule === 'continued' || f.rule === 'overflow');
    expect(fit(checked.findings).length).toBeGreaterThan(0);
    expect(checked.findings.map(key)).toEqual(built.findings.map(key));
    expect(warnings.filter((w) => /continues on/.test(w))).toHaveLength(fit(checked.findings).length);

    const review = readFileSync(join(dir, 'review.html'), 'utf8');
    expect(counter(review, 'Errors')).toBe(checked.findings.filter((f) => f.severity === 'error').length);
    expect(counter(review, 'Warnings')).toBe(checked.findings.filter((f) => f.severity === 'warning').length);
    for (const f of fit(checked.findings)) {
      const slide = new RegExp(`<section class="rv-slide[^"]*" id="slide-${f.slide}"[^>]*data-problems="(\\d+)"`).exec(review);
      expect(Number(slide?.[1])).toBeGreaterThan(0);
    }

    const json = await runCli('check', DENSE, '--json');
    const { findings } = JSON.parse(json.stdout) as { findings: Finding[] };
    expect(findings.map(key)).toEqual(checked.findings.map(key));
  });

  it('a text too long for a slide of its own: build exits 9 and writes nothing; check reports it as an error', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bideck-agree-')), 'dist');
    const run = await runCli('build', TOO_LONG, '--out', dir);
    expect(run.code).toBe(9);
    expect(run.stderr).toMatch(/test\/fixtures\/check\/overflow\/deck\.yaml:22:17 areas\[0\]\.slides\[0\]\.initiatives\[0\]\.points\[0\]: slide 2 \(too-full\): this text cannot be shown whole/);
    expect(() => readFileSync(join(dir, 'review.html'))).toThrow();
    const json = await runCli('check', TOO_LONG, '--json');
    const { findings } = JSON.parse(json.stdout) as { findings: Finding[] };
    expect(findings).toMatchObject([{ rule: 'overflow', severity: 'error', slide: 2, path: 'areas[0].slides[0].initiatives[0].points[0]' }]);
  });
});
