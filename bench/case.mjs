// One benchmark case in a fresh process, so wall time and peak RSS are the build's own.
// Prints one JSON line: stage timings, wall time, peak RSS of node and of the browser, sizes.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename } from 'node:path';

const [deck, out, pdf, cacheDir] = process.argv.slice(2);
const start = performance.now();
const { build } = await import('../lib/index.js');

// Sample the resident memory of this process's descendants (the browser) from /proc every
// 100 ms (proportional set size, so memory shared between Chromium processes counts once).
// Reading /proc is cheap and asynchronous-friendly; spawning `ps` would stall the build.
let browserPeak = 0;
function descendantsRss() {
  const parents = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(pid), ppid);
    } catch { /* exited */ }
  }
  const mine = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) if (!mine.has(pid) && mine.has(ppid)) { mine.add(pid); grew = true; }
  }
  mine.delete(process.pid);
  let bytes = 0;
  for (const pid of mine) {
    try { bytes += Number(/Pss:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0) * 1024; } catch { /* exited */ }
  }
  return bytes;
}
const sampler = process.platform === 'linux' ? setInterval(() => { browserPeak = Math.max(browserPeak, descendantsRss()); }, 100) : undefined;

const modes = process.env.BIDECK_BENCH_MODES ? process.env.BIDECK_BENCH_MODES.split(',') : undefined;
const draft = process.env.BIDECK_BENCH_DRAFT === '1';
const pptx = process.env.BIDECK_BENCH_PPTX === '1';
const result = await build({ deckPath: deck, outDir: out, pdf: pdf === 'pdf', pdfTimeoutMs: 900_000, ...(cacheDir ? { cacheDir } : {}), ...(modes ? { modes } : {}), ...(draft ? { draft } : {}), ...(pptx ? { pptx } : {}) });
if (sampler) clearInterval(sampler);
const wallMs = performance.now() - start;
const sizes = Object.fromEntries(result.files.map((f) => [basename(f), statSync(f).size]));
const fontBytes = [...readFileSync(result.files.find((f) => f.endsWith('.html')), 'utf8').matchAll(/base64,([A-Za-z0-9+/=]+)/g)]
  .reduce((n, m) => n + Math.floor((m[1].length * 3) / 4), 0);
process.stdout.write(JSON.stringify({
  slides: result.project.model.slides.length,
  html: result.files.find((f) => f.endsWith('.html') && !f.endsWith('review.html')),
  timings: result.timings,
  wallMs,
  nodePeakRss: process.resourceUsage().maxRSS * 1024,
  browserPeakRss: browserPeak,
  sizes,
  fontBytes,
}) + '\n');
