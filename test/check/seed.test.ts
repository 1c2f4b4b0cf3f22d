import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, runChecks } from '../../src/check/index.js';
import type { Finding } from '../../src/check/index.js';
import { loadProject } from '../../src/load/project.js';
import { runCli } from '../helpers/cli.js';
import { copySeed } from '../helpers/seed-copy.js';
import { SEED_DECK } from '../helpers/seed.js';

const SEGMENT = 'ai-and-iam-smart.iam-smart.funding';

/** A copy of the seed's data with one English amount changed: $200M → $20M. */
function seedWithWrongAmount(): { deck: string; line: number } {
  const { deck } = copySeed('bideck-wrong-amount-');
  const text = readFileSync(deck, 'utf8');
  if (!text.includes('en: Earmark ~$200M')) throw new Error('the seed no longer says "Earmark ~$200M"');
  const changed = text.replace('en: Earmark ~$200M', 'en: Earmark ~$20M');
  writeFileSync(deck, changed);
  const line = changed.split('\n').findIndex((l) => l.includes('Earmark ~$20M')) + 1;
  return { deck, line };
}

describe('the seed deck', () => {
  it('has a glossary, and every rule passes it', async () => {
    const project = await loadProject(SEED_DECK);
    expect(project.glossary?.terms.length).toBeGreaterThan(10);
    expect(runChecks(project)).toEqual([]);
    expect(RULES.map((r) => r.id)).toEqual(['missing-translation', 'stale-translation', 'amount-mismatch', 'funding-action', 'glossary-mismatch', 'typography', 'continued', 'overflow']);
  });

  it('passes `check --strict` clean, overflow measured in Chromium', async () => {
    const run = await runCli('check', SEED_DECK, '--strict', '--overflow');
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('no problems found\n');
    expect(run.code).toBe(0);
  });
});

describe('a copy of the seed with $200M changed to $20M', () => {
  const { deck, line } = seedWithWrongAmount();
  const message = 'English says $20M but Chinese says 2億元 (HK$200,000,000) and the stored amount is 200,000,000.';

  it('fails `check --strict` (exit 7), naming the segment, its slide and line', async () => {
    const run = await runCli('check', deck, '--strict');
    expect(run.code).toBe(7);
    expect(run.stdout).toBe(`error: ${deck}:${line}:19 slide 5 ${SEGMENT}: ${message}\n`);
    expect(run.stderr).toContain('error: QA found 1 problem (--strict)');
  });

  it('only warns without --strict (exit 0)', async () => {
    const run = await runCli('check', deck, '--no-overflow');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`warning: ${deck}:${line}:19 slide 5 ${SEGMENT}: ${message}\n`);
  });

  it('--json gives the finding in machine-readable form', async () => {
    const run = await runCli('check', deck, '--json', '--no-overflow');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { findings: Finding[]; overflowMeasured: boolean };
    expect(json).toEqual({
      findings: [{
        rule: 'amount-mismatch',
        severity: 'warning',
        slide: 5,
        segment: SEGMENT,
        lang: 'en',
        location: { file: deck, line, column: 19 },
        path: 'areas[0].slides[1].initiatives[1].funding.en',
        message,
      }],
      overflowMeasured: false,
    });
  });

  it('build prints it as a warning and still builds', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bideck-seed-build-')), 'dist');
    const run = await runCli('build', deck, '--no-pdf', '--out', out, '--modes', 'bi');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`warning: ${deck}:${line}:19 slide 5 ${SEGMENT}: ${message}\n`);
    expect(existsSync(join(out, 'itib-budget-2023-24.html'))).toBe(true);
  });

  it('build --strict fails with exit 7 and writes nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bideck-seed-strict-')), 'dist');
    const run = await runCli('build', deck, '--strict', '--out', out);
    expect(run.code).toBe(7);
    expect(run.stderr).toContain(`error: QA found 1 problem (--strict); nothing was written\n${deck}:${line}:19 slide 5 ${SEGMENT}: ${message}`);
    expect(existsSync(out)).toBe(false);
  });
});
