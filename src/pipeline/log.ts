/** Where a build reports progress. The CLI prints; the library and tests may collect. */
export interface Reporter {
  /** A stage is starting; `estimateMs` is how long it took last time for this many slides. */
  begin?(name: string, estimateMs?: number): void;
  stage(name: string, ms: number, detail?: string): void;
  warn(message: string): void;
}

export const silentReporter: Reporter = { stage: () => undefined, warn: () => undefined };

export interface StageTiming {
  stage: string;
  ms: number;
}

/** Time one stage of the pipeline and report it. */
export async function timed<T>(
  timings: StageTiming[],
  reporter: Reporter,
  stage: string,
  fn: () => Promise<T> | T,
  detail?: (value: T) => string,
): Promise<T> {
  reporter.begin?.(stage);
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  timings.push({ stage, ms });
  reporter.stage(stage, ms, detail?.(value));
  return value;
}
