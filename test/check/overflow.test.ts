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
  it('flags the slide with a 1,500-character bullet and not the others', async () => {
    const { findings, overflowMeasured } = await checkDeck({ deckPath: FIXTURE, overflow: 'require' });
    expect(overflowMeasured).toBe(true);
    expect(findings.map((f) => [f.rule, f.slide])).toEqual([['overflow', 2]]);
    expect(findings[0]?.message).toMatch(/^The slide is too full: in the bilingual .*versions? its text does not fit/);
    expect(findings[0]?.location).toEqual({ file: FIXTURE, line: 17, column: 9 });
  });

  it('check warns (exit 0); --strict fails (exit 7); --json prints the findings', async () => {
    const plain = await runCli('check', FIXTURE);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^warning: test\/fixtures\/check\/overflow\/deck\.yaml:17:9 slide 2: The slide is too full/);

    const strict = await runCli('check', FIXTURE, '--strict', '--json');
    expect(strict.code).toBe(7);
    const { findings } = JSON.parse(strict.stdout) as { findings: Finding[] };
    expect(findings).toMatchObject([{ rule: 'overflow', severity: 'error', slide: 2 }]);
    expect(strict.stderr).toContain('error: QA found 1 problem (--strict)');
  });

  it('build --strict fails on it and leaves the output folder as it was', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bideck-overflow-')), 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'previous.html'), 'the last good build');
    const run = await runCli('build', FIXTURE, '--out', out, '--strict', '--modes', 'bi');
    expect(run.code).toBe(7);
    expect(run.stderr).toContain('error: QA found 1 problem (--strict); nothing was written');
    expect(run.stderr).toContain('test/fixtures/check/overflow/deck.yaml:17:9 slide 2: The slide is too full');
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
