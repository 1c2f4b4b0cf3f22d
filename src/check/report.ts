import { BideckError, formatLocation } from '../errors.js';
import type { Finding } from './types.js';

/** `data/deck.yaml:101:19 slide 5 ai-and-iam-smart.iam-smart.funding: <message>` */
export function formatFinding(f: Finding): string {
  const where = formatLocation(f.location);
  const what = [f.slide > 0 ? `slide ${f.slide}` : 'deck', f.segment].filter(Boolean).join(' ');
  return `${where ? `${where} ` : ''}${what}: ${f.message}`;
}

/** The error `--strict` ends with (exit code 7); the findings follow the headline unless already printed. */
export function checkFailed(findings: readonly Finding[], outcome: string, listFindings: boolean): BideckError {
  const n = findings.length;
  return new BideckError('check', `QA found ${n} problem${n === 1 ? '' : 's'} (--strict)${outcome}`, {
    details: listFindings ? findings.map(formatFinding) : [],
  });
}

/**
 * How `build` reports findings: warnings through `warn`, or, with `strict`, the error that
 * stops the build before anything is written (the findings listed under its headline).
 */
export function reportFindings(findings: Finding[], warn: (message: string) => void, strict: boolean): Finding[] {
  if (strict && findings.length > 0) throw checkFailed(findings, '; nothing was written', true);
  for (const f of findings) warn(formatFinding(f));
  return findings;
}
