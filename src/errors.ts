/**
 * The one error type bideck throws on purpose. Anything else reaching the CLI is a bug
 * and is printed with its stack; a BideckError prints its message only.
 */

/** Stable process exit codes; documented in the README. */
export const ExitCode = {
  ok: 0,
  /** An unexpected internal failure (a bug): the stack is printed. */
  internal: 1,
  /** Wrong command-line usage. */
  usage: 2,
  /** The deck data, glossary or brand is invalid (YAML or schema). */
  data: 3,
  /** A template or brand asset could not be rendered. */
  render: 4,
  /** No usable Chrome/Chromium/Edge was found. */
  browser: 5,
  /** The browser failed or timed out while exporting a PDF. */
  export: 6,
  /** QA checks found problems (with --strict, or `check`). */
  check: 7,
  /** Output could not be written (permissions, disk full). */
  io: 8,
  /** A text cannot be shown whole even alone on a slide at the smallest readable size. */
  layout: 9,
  /** Stopped by a signal: 128 + its number (Ctrl-C/SIGINT 130, SIGTERM 143, SIGHUP 129), as shells report it. */
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
export type ErrorKind = Exclude<keyof typeof ExitCode, 'ok'>;

/** Where in a source file a problem is. Line and column are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export interface BideckErrorOptions {
  location?: SourceLocation;
  /** Data path, e.g. `areas[1].slides[0].title.en`. */
  path?: string;
  cause?: unknown;
  /** Further problems of the same kind (e.g. every schema issue, not just the first). */
  details?: readonly string[];
  /** Overrides the kind's exit code (an interruption exits with 128 + the signal's number). */
  exitCode?: number;
}

export class BideckError extends Error {
  override readonly name = 'BideckError';
  readonly kind: ErrorKind;
  readonly location: SourceLocation | undefined;
  readonly path: string | undefined;
  readonly details: readonly string[];
  readonly #exitCode: number | undefined;

  constructor(kind: ErrorKind, message: string, options: BideckErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.location = options.location;
    this.path = options.path;
    this.details = options.details ?? [];
    this.#exitCode = options.exitCode;
  }

  get exitCode(): number {
    return this.#exitCode ?? ExitCode[this.kind];
  }

  /** `file:line:column path: message`, the format editors and CI logs link. */
  format(): string {
    const head = [formatLocation(this.location), this.path].filter(Boolean).join(' ');
    const first = head ? `${head}: ${this.message}` : this.message;
    return [first, ...this.details].join('\n');
  }
}

export function formatLocation(loc: SourceLocation | undefined): string {
  if (!loc) return '';
  if (loc.line === undefined) return loc.file;
  return `${loc.file}:${loc.line}:${loc.column ?? 1}`;
}

export function isBideckError(e: unknown): e is BideckError {
  return e instanceof BideckError;
}
