import type { SourceLocation } from '../errors.js';

export type Severity = 'error' | 'warning';

/** One QA problem, phrased for a translator. */
export interface Finding {
  /** Rule id, e.g. `amount-mismatch`. One file per rule under src/check/rules/. */
  rule: string;
  severity: Severity;
  /** 1-based slide number (0 for deck metadata). */
  slide: number;
  /** Segment id (see model/segments.ts), when the finding is about one segment. */
  segment?: string;
  /** Which language the problem is in, when it is in one. */
  lang?: 'zh' | 'en';
  location?: SourceLocation;
  message: string;
}
