// One benchmark case in a fresh process, so wall time and peak RSS are the build's own.
// Prints one JSON line: stage timings, wall time, peak RSS of node and of the browser, sizes.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';

const [deck, out, pdf, cacheDir] = process.argv.slice(2);
const start = performance.now();
const { build } = await import('../lib/index.js');

// Sample the browser's process tree every 50 ms for its peak resident memory.
let browserPeak = 0;
const sampler = setInterval(() => {
  try {
    const kids = execFileSync('ps', ['-o', 'rss=', '--ppid', String(process.pid)], { encoding: 'utf8' });
    const trees = execFileSync('sh', ['-c', `for p in $(pgrep -P ${process.pid}); do ps -o rss= --ppid $p; done`], { encoding: 'utf8' });
    const kb = [...kids.split('\n'), ...trees.split('\n')].map(Number).filter((n) => n > 0).reduce((a, b) => a + b, 0);
    browserPeak = Math.max(browserPeak, kb * 1024);
  } catch { /* no children yet */ }
}, 50);

const modes = process.env.BIDECK_BENCH_MODES ? process.env.BIDECK_BENCH_MODES.split(',') : undefined;
const result = await build({ deckPath: deck, outDir: out, pdf: pdf === 'pdf', ...(cacheDir ? { cacheDir } : {}), ...(modes ? { modes } : {}) });
clearInterval(sampler);
const wallMs = performance.now() - start;
const sizes = Object.fromEntries(result.files.map((f) => [basename(f), statSync(f).size]));
const fontBytes = [...readFileSync(result.files.find((f) => f.endsWith('.html')), 'utf8').matchAll(/base64,([A-Za-z0-9+/=]+)/g)]
  .reduce((n, m) => n + Math.floor((m[1].length * 3) / 4), 0);
process.stdout.write(JSON.stringify({
  slides: result.project.model.slides.length,
  timings: result.timings,
  wallMs,
  nodePeakRss: process.resourceUsage().maxRSS * 1024,
  browserPeakRss: browserPeak,
  sizes,
  fontBytes,
}) + '\n');
