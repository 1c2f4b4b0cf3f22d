// One benchmark case in a fresh process, so wall time and peak RSS are the build's own.
// Prints one JSON line: stage timings, wall time, peak RSS of node and of the browser, sizes.
import { readFileSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { basename } from 'node:path';

const [deck, out, pdf, cacheDir] = process.argv.slice(2);
const start = performance.now();
const { build } = await import('../lib/bundle/index.js');

// Memory, with BIDECK_BENCH_MEMORY=1 only: reading a process's PSS makes the kernel walk its page
// tables, and sampling a printing renderer that way slowed the build by up to 10 % (bench:compare
// against a side that did not), so timed runs do not sample. Sampled every 100 ms by a small
// process of its own, which the build's synchronous work (YAML, pdf-lib) cannot hold up and whose
// own memory does not count: the proportional set size (PSS, so memory shared between Chromium's
// processes counts once) of this process and of its other descendants (the browser), summed at
// the same instant. `peakPss` is the most the build held at once; `browserPeakRss` the browser's.
const sampler = process.platform === 'linux' && process.env.BIDECK_BENCH_MEMORY === '1' ? spawn(process.execPath, ['-e', `
  const { readFileSync, readdirSync } = require('node:fs');
  const root = ${process.pid};
  const pss = (pid) => { try { return Number(/Pss:\\s+(\\d+)/.exec(readFileSync('/proc/' + pid + '/smaps_rollup', 'utf8'))?.[1] ?? 0) * 1024; } catch { return 0; } };
  function sample() {
    const parents = new Map();
    for (const pid of readdirSync('/proc').filter((d) => /^\\d+$/.test(d))) {
      try {
        const stat = readFileSync('/proc/' + pid + '/stat', 'utf8');
        parents.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch { /* exited */ }
    }
    const tree = new Set([root]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [pid, ppid] of parents) if (!tree.has(pid) && tree.has(ppid) && pid !== process.pid) { tree.add(pid); grew = true; }
    }
    tree.delete(root);
    let browser = 0;
    for (const pid of tree) browser += pss(pid);
    return { browser, all: browser + pss(root) };
  }
  let browserPeak = 0, peak = 0;
  const timer = setInterval(() => { const s = sample(); browserPeak = Math.max(browserPeak, s.browser); peak = Math.max(peak, s.all); }, 100);
  process.stdin.on('data', () => { clearInterval(timer); process.stdout.write(JSON.stringify({ browserPeak, peak })); process.exit(0); });
`], { stdio: ['pipe', 'pipe', 'inherit'] }) : undefined;
const peaks = () => new Promise((resolve) => {
  let out = '';
  sampler.stdout.on('data', (d) => (out += d)).on('end', () => resolve(JSON.parse(out)));
  sampler.stdin.end('stop\n');
});

const modes = process.env.BIDECK_BENCH_MODES ? process.env.BIDECK_BENCH_MODES.split(',') : undefined;
const draft = process.env.BIDECK_BENCH_DRAFT === '1';
const pptx = process.env.BIDECK_BENCH_PPTX === '1';
const result = await build({ deckPath: deck, outDir: out, pdf: pdf === 'pdf', pdfTimeoutMs: 900_000, ...(cacheDir ? { cacheDir } : {}), ...(modes ? { modes } : {}), ...(draft ? { draft } : {}), ...(pptx ? { pptx } : {}) });
const { browserPeak, peak } = sampler ? await peaks() : { browserPeak: 0, peak: 0 };
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
  peakPss: peak,
  sizes,
  fontBytes,
}) + '\n');
