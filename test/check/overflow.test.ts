import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkDeck } from '../../src/pipeline/check.js';
import type { Finding } from '../../src/check/index.js';
import { check, messages } from '../helpers/check.js';
import { runCli } from '../helpers/cli.js';

const FIXTURE = join('test', 'fixtures', 'check', 'overflow', 'deck.yaml');

describe('overflow, from a measurement', () => {
  it('flags each overflowing slide once, naming the versions', () => {
    const found = check('overflow', { zh: '要點', en: 'Point' }, { overflow: { bi: ['s'], zh: ['s'], en: [] } });
    expect(found).toMatchObject([{ rule: 'overflow', slide: 2, path: 'areas[0].slides[0]' }]);
    expect(found[0]?.segment).toBeUndefined();
    expect(messages(found)).toEqual([
      'The slide is too full: in the bilingual and Chinese versions its text does not fit, even at the smallest size. Shorten the text or move part of it to another slide.',
    ]);
  });

  it('does not flag slides that fit, or when nothing was measured', () => {
    expect(check('overflow', { zh: '要點', en: 'Point' }, { overflow: { bi: [], zh: ['another-slide'] } })).toEqual([]);
    expect(check('overflow', { zh: '要點', en: 'Point' })).toEqual([]);
  });
});

describe('overflow, measured in Chromium', () => {
  // Issue 9: a slide that does not fit continues on the next one; only a text too long for a
  // slide of its own is left, and that one fails the build (exit 9) and is an error in `check`.
  it('flags the 1,500-character bullet as an error at its own line, and not the other slides', async () => {
    const { findings, overflowMeasured } = await checkDeck({ deckPath: FIXTURE, overflow: 'require' });
    expect(overflowMeasured).toBe(true);
    expect(findings.map((f) => [f.rule, f.severity, f.slide])).toEqual([['overflow', 'error', 2]]);
    expect(findings[0]?.message).toMatch(/^slide 2 \(too-full\): this text cannot be shown whole even alone on a slide/);
    expect(findings[0]?.location).toEqual({ file: FIXTURE, line: 22, column: 17 });
  });

  it('check reports it; --strict fails (exit 7); --json prints the findings', async () => {
    const plain = await runCli('check', FIXTURE);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^error: test\/fixtures\/check\/overflow\/deck\.yaml:22:17 slide 2: slide 2 \(too-full\): this text cannot be shown whole/);

    const strict = await runCli('check', FIXTURE, '--strict', '--json');
    expect(strict.code).toBe(7);
    const { findings } = JSON.parse(strict.stdout) as { findings: Finding[] };
    expect(findings).toMatchObject([{ rule: 'overflow', severity: 'error', slide: 2 }]);
    expect(strict.stderr).toContain('error: QA found 1 problem (--strict)');
  });

  it('build fails on it (exit 9) and leaves the output folder as it was', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bideck-overflow-')), 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'previous.html'), 'the last good build');
    const run = await runCli('build', FIXTURE, '--out', out, '--modes', 'bi');
    expect(run.code).toBe(9);
    expect(run.stderr).toContain('test/fixtures/check/overflow/deck.yaml:22:17 areas[0].slides[0].initiatives[0].points[0]: slide 2 (too-full): this text cannot be shown whole');
    expect(readdirSync(out)).toEqual(['previous.html']);
    expect(readdirSync(join(out, '..'))).toEqual(['dist']); // no stage left behind
  });
});

describe('check without a browser', () => {
  it('runs the text rules and says overflow was not measured', async () => {
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', '/nonexistent/chrome');
    try {
      const run = await runCli('check', FIXTURE);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('note: overflowing slides were not measured');
      const required = await runCli('check', FIXTURE, '--overflow');
      expect(required.code).toBe(5);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
