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
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    clear();
  };
  return {
    begin(name, estimateMs) {
      stop();
      const start = performance.now();
      const after = quietMs();
      let frame = 0;
      const draw = () => {
        const ms = performance.now() - start;
        if (ms < after) return;
        frame = (frame + 1) % FRAMES.length;
        stream.write(`\r\x1b[2K  ${FRAMES[frame]} ${name.padEnd(10)} ${seconds(ms)}${eta(ms, estimateMs)}`);
        shown = true;
      };
      if (after === 0) draw();
      timer = setInterval(draw, intervalMs);
      timer.unref();
    },
    stage(name, ms, detail) {
      stop();
      plain.stage(name, ms, detail);
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
