import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Reporter, StageTiming } from './log.js';

/**
 * How long each stage took per slide in the last build, kept in the cache folder, so a long
 * build's progress line can say how much is left before the stage has finished once.
 */
export interface StageRates {
  estimate(stage: string): number | undefined;
  save(timings: readonly StageTiming[]): Promise<void>;
}

const FILE = 'stage-rates.json';

export async function stageRates(cacheDir: string, slides: number): Promise<StageRates> {
  const rates = await readFile(join(cacheDir, FILE), 'utf8')
    .then((t) => JSON.parse(t) as Record<string, unknown>)
    .catch(() => ({}) as Record<string, unknown>);
  return {
    estimate: (stage) => {
      const r = rates[stage];
      return typeof r === 'number' && Number.isFinite(r) && r > 0 ? r * slides : undefined;
    },
    save: async (timings) => {
      const next: Record<string, unknown> = { ...rates };
      for (const t of timings) if (slides > 0) next[t.stage] = t.ms / slides;
      // A cache: losing it only loses an estimate, so a failure here is not the build's.
      try {
        await mkdir(cacheDir, { recursive: true });
        const temp = join(cacheDir, `${FILE}.${process.pid}.tmp`);
        await writeFile(temp, JSON.stringify(next));
        await rename(temp, join(cacheDir, FILE));
      } catch {
        /* the estimate is only a nicety */
      }
    },
  };
}

/** The reporter, with each stage's start carrying the last build's estimate for it. */
export function withEstimates(reporter: Reporter, rates: StageRates): Reporter {
  const { begin } = reporter;
  if (!begin) return reporter;
  return { ...reporter, begin: (name, estimateMs) => begin.call(reporter, name, estimateMs ?? rates.estimate(name)) };
}
