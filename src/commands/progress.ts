import type { Reporter } from '../pipeline/log.js';

const FRAMES = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';
/**
 * Stages shorter than this never show a live line: a quick build prints what it always did.
 * `BIDECK_PROGRESS_AFTER_MS` changes it (0: draw as each stage starts; tests use it).
 */
function quietMs(): number {
  const n = Number(process.env['BIDECK_PROGRESS_AFTER_MS']);
  return Number.isFinite(n) && n >= 0 && process.env['BIDECK_PROGRESS_AFTER_MS'] !== '' ? n : 800;
}

/**
 * On a terminal, a live line under the finished stages: the stage running, its elapsed time,
 * and what is left by the last build's rate (pipeline/rates.ts). It redraws in place with `\r`
 * and is cleared before any other line, so the stage lines and warnings read as without it.
 * Off a terminal (CI, pipes) the plain reporter prints the same stage lines and nothing else.
 */
export function liveReporter(plain: Reporter, stream: NodeJS.WriteStream, intervalMs = 120): Reporter {
  let timer: NodeJS.Timeout | undefined;
  let shown = false;
  const clear = () => {
    if (shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  // Stages can overlap (the review page is written while the first PDF prints): the line shows
  // the one begun last, and the one before it again once that one ends.
  const running: { name: string; start: number; estimateMs: number | undefined }[] = [];
  const draw = () => {
    clearInterval(timer);
    timer = undefined;
    const current = running.at(-1);
    if (!current) return;
    const after = quietMs();
    let frame = 0;
    const redraw = () => {
      const ms = performance.now() - current.start;
      if (ms < after) return;
      frame = (frame + 1) % FRAMES.length;
      stream.write(`\r\x1b[2K  ${FRAMES[frame]} ${current.name.padEnd(10)} ${seconds(ms)}${eta(ms, current.estimateMs)}`);
      shown = true;
    };
    if (after === 0) redraw();
    timer = setInterval(redraw, intervalMs);
    timer.unref();
  };
  return {
    begin(name, estimateMs) {
      clear();
      running.push({ name, start: performance.now(), estimateMs });
      draw();
    },
    stage(name, ms, detail) {
      const i = running.findLastIndex((r) => r.name === name);
      if (i >= 0) running.splice(i, 1);
      clearInterval(timer);
      timer = undefined;
      clear();
      plain.stage(name, ms, detail);
      draw();
    },
    warn(message) {
      clear();
      plain.warn(message);
    },
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function eta(elapsed: number, estimate: number | undefined): string {
  if (estimate === undefined) return '';
  const left = estimate - elapsed;
  return left > 500 ? `  (about ${Math.ceil(left / 1000)} s left)` : '  (almost done)';
}
