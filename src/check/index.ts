import type { Project } from '../load/project.js';
import { formatPath } from '../load/yaml.js';
import { amountMismatch } from './rules/amount-mismatch.js';
import { fundingAction } from './rules/funding-action.js';
import { glossaryMismatch } from './rules/glossary-mismatch.js';
import { missingTranslation } from './rules/missing-translation.js';
import { continued } from './rules/continued.js';
import { overflow } from './rules/overflow.js';
import { staleTranslation } from './rules/stale-translation.js';
import { typography } from './rules/typography.js';
import type { Finding, OverflowMeasurement, Rule } from './types.js';

/** Every QA rule, in the order their findings are listed within a slide. */
export const RULES: readonly Rule[] = [missingTranslation, staleTranslation, amountMismatch, fundingAction, glossaryMismatch, typography, continued, overflow];

export interface CheckOptions {
  /** Slide ids that overflow, per mode, measured in the browser; without it the overflow rule is silent. */
  overflow?: OverflowMeasurement;
  /** Run only these rules (ids). */
  only?: readonly string[];
  /** Findings become errors (`--strict`). */
  strict?: boolean;
}

/** Run the QA rules over a loaded project; findings come sorted by slide, then in reading order. */
export function runChecks(project: Pick<Project, 'model' | 'deckSource' | 'glossary'> & Partial<Pick<Project, 'approved'>>, options: CheckOptions = {}): Finding[] {
  const input = { model: project.model, glossary: project.glossary, overflow: options.overflow, approved: project.approved };
  const rules = options.only ? RULES.filter((r) => options.only?.includes(r.id)) : RULES;
  const order = new Map(project.model.segments.map((s, i) => [s.id, i]));
  const findings = rules.flatMap((rule) =>
    rule.check(input).map((p): Finding => ({
      rule: rule.id,
      severity: options.strict ? 'error' : 'warning',
      slide: p.slide,
      ...(p.segment === undefined ? {} : { segment: p.segment }),
      ...(p.lang === undefined ? {} : { lang: p.lang }),
      location: project.deckSource.locate(p.path),
      path: formatPath(p.path),
      message: p.message,
      ...(p.source === undefined ? {} : { source: p.source }),
    })),
  );
  const rank = (f: Finding) => (f.segment === undefined ? Number.MAX_SAFE_INTEGER : (order.get(f.segment) ?? 0));
  // Array.prototype.sort is stable: within one segment, rules keep the RULES order.
  return findings.sort((a, b) => a.slide - b.slide || rank(a) - rank(b));
}

export { checkFailed, formatFinding, reportFindings } from './report.js';
export type { Finding, OverflowMeasurement, Rule } from './types.js';
