import type { SourceLocation } from '../errors.js';
import type { DataPath } from '../load/yaml.js';
import type { DeckModel } from '../model/types.js';
import type { Mode } from '../render/deck.js';
import type { Glossary } from '../schema/glossary.js';

export type Severity = 'error' | 'warning';
export type Lang = 'zh' | 'en';

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
  /** Data path of what to fix, e.g. `areas[0].slides[1].initiatives[1].funding.en`. */
  path?: string;
  message: string;
  /** stale-translation: the Chinese the English was translated from, and the Chinese now. */
  source?: { was: string; now: string };
}

/** Slide ids whose content overflows its box, per language mode, as measured in the browser. */
export type OverflowMeasurement = Partial<Record<Mode, readonly string[]>>;

/** What the rules look at. Plain values: rules do no I/O. */
export interface CheckInput {
  model: DeckModel;
  glossary: Glossary | undefined;
  /** Absent when overflow was not measured (no browser, or `--no-overflow`). */
  overflow: OverflowMeasurement | undefined;
  /** The Chinese each English was translated from, by segment id (load/sources.ts). */
  approved?: Readonly<Record<string, string>> | undefined;
}

/** What a rule reports; runChecks adds the rule id, severity and file:line. */
export interface Problem {
  slide: number;
  segment?: string;
  lang?: Lang;
  /** Where to fix it in the deck data. */
  path: DataPath;
  message: string;
  source?: { was: string; now: string };
}

export interface Rule {
  id: string;
  /** One line for `bideck check --help` and the README. */
  summary: string;
  check(input: CheckInput): Problem[];
}
