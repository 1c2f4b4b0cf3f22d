// `npm run bench`: builds the seed deck and synthetic 100- and 1,000-slide decks, reports
// time per stage, wall time, peak memory and output sizes; writes bench/results.json.
// It measures; it asserts nothing. Run on an otherwise idle machine for stable numbers.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureServeLatency } from './serve-latency.mjs';
import { writeSyntheticDeck } from './synth.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'bideck-bench-'));
const seed = join(root, 'data', 'deck.yaml');
const node = process.execPath;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function runCase(deck, { pdf = true, modes, cacheDir, pptx = false } = {}) {
  const out = join(work, `out-${Math.random().toString(36).slice(2)}`);
  const args = [join(root, 'bench', 'case.mjs'), deck, out, pdf ? 'pdf' : 'html', cacheDir ?? ''];
  const r = spawnSync(node, args, { cwd: root, encoding: 'utf8', env: { ...process.env, BIDECK_BENCH_MODES: modes ?? '', BIDECK_BENCH_PPTX: pptx ? '1' : '' } });
  if (r.status !== 0) throw new Error(`bench case failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

/** Whole-process time of the real CLI, as a user types it (median of `n`, after a warm-up). */
function cliWall(args, n = 5) {
  const times = [];
  for (let i = 0; i <= n; i++) {
    const t = performance.now();
    const r = spawnSync(node, [join(root, 'bin', 'bideck.js'), ...args], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    if (i > 0) times.push(performance.now() - t);
  }
  return median(times);
}

const stage = (res, name) => res.timings.filter((t) => t.stage === name).reduce((n, t) => n + t.ms, 0);
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
const mb = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;

const results = { machine: machine(), date: new Date().toISOString(), cases: {} };
console.error(`bideck bench on ${results.machine.cpus}× ${results.machine.cpu}, ${results.machine.memoryGiB} GiB`);

// Seed: HTML only, whole process (fonts cached by the warm-up run).
results.cases.seedHtmlCli = { wallMs: cliWall(['build', 'data/deck.yaml', '--no-pdf', '--out', join(work, 'cli-html')]) };
// Seed: full build (every mode's HTML and PDF), whole process.
results.cases.seedFullCli = { wallMs: cliWall(['build', 'data/deck.yaml', '--out', join(work, 'cli-full')], 3) };
// Seed: stage breakdown, fonts uncached then cached.
results.cases.seedUncachedFonts = runCase(seed, { pdf: false, cacheDir: mkdtempSync(join(tmpdir(), 'bideck-fonts-')) });
results.cases.seed = runCase(seed);
// Seed with --pptx: the PowerPoint stage is measuring the print view plus writing the file.
results.cases.seedPptx = runCase(seed, { pptx: true });
for (const n of [100, 1000]) {
  const deck = writeSyntheticDeck(seed, n, join(work, `synthetic-${n}`));
  runCase(deck, { pdf: false }); // warm the font cache: the synthetic decks use the seed's characters
  // The 1,000-slide case is the target's "bilingual deck, HTML and PDF".
  results.cases[`synthetic${n}`] = runCase(deck, n === 1000 ? { modes: 'bi' } : {});
  if (n === 1000) results.cases.synthetic1000Pptx = runCase(deck, { modes: 'bi', pptx: true });
}

// bideck serve: from saving the seed deck to the open browser showing the change.
results.cases.serveEditToReload = await measureServeLatency({ edits: 10 });

writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
printTable(results);

function printTable(r) {
  const rows = [['case', 'slides', 'load', 'fonts', 'render', 'pdf bi', 'pdf zh', 'pdf en', 'wall', 'node RSS', 'browser RSS', 'HTML', 'PDF (bi)', 'PDF/slide', 'fonts']];
  for (const [name, c] of Object.entries(r.cases)) {
    if (!c.timings) continue;
    const bi = Object.entries(c.sizes).find(([f]) => /^[^.]+(\.[^.]+)*?\.pdf$/.test(f) && !/\.(zh|en|handout)\.pdf$/.test(f));
    const html = Object.entries(c.sizes).find(([f]) => f.endsWith('.html') && !/\.(zh|en)\.html$/.test(f) && !f.startsWith('review'));
    rows.push([name, c.slides, ...['load', 'fonts', 'render', 'pdf bi', 'pdf zh', 'pdf en'].map((s) => `${stage(c, s).toFixed(0)}`), `${c.wallMs.toFixed(0)} ms`,
      mb(c.nodePeakRss), mb(c.browserPeakRss), html ? kb(html[1]) : '-', bi ? kb(bi[1]) : '-', bi ? `${(bi[1] / 1024 / c.slides).toFixed(1)} KB` : '-', kb(c.fontBytes)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  for (const row of rows) console.log(row.map((v, i) => String(v).padStart(widths[i])).join('  '));
  console.log(`\nseed, HTML only, whole process: ${r.cases.seedHtmlCli.wallMs.toFixed(0)} ms (median of 5)`);
  console.log(`seed, full build, whole process: ${r.cases.seedFullCli.wallMs.toFixed(0)} ms (median of 3)`);
  const serve = r.cases.serveEditToReload;
  console.log(`serve, edit to reload (seed, 10 saves): median ${serve.editToDomMs.median.toFixed(0)} ms, p90 ${serve.editToDomMs.p90.toFixed(0)} ms (rebuild median ${serve.rebuildMs.median.toFixed(0)} ms)`);
  for (const [name, label] of [['seedPptx', 'seed, 3 modes'], ['synthetic1000Pptx', '1,000 slides, bilingual']]) {
    const c = r.cases[name];
    if (!c) continue;
    const per = ['bi', 'zh', 'en'].filter((m) => c.timings.some((t) => t.stage === `pptx ${m}`))
      .map((m) => `${m} ${stage(c, `measure ${m}`).toFixed(0)} + ${stage(c, `pptx ${m}`).toFixed(0)} ms`);
    const size = Object.entries(c.sizes).find(([f]) => f.endsWith('.pptx') && !/\.(zh|en)\.pptx$/.test(f));
    console.log(`PPTX stage (${label}; measure + write): ${per.join(', ')}; bilingual .pptx ${size ? kb(size[1]) : '-'}`);
  }
  console.log(`stage times in ms; results in bench/results.json`);
}

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try { cpu = execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], { encoding: 'utf8' }).trim() || cpu; } catch { /* not Linux */ }
  return { cpus: cpus().length, cpu, memoryGiB: Math.round(totalmem() / 1024 ** 3), freeGiB: Math.round(freemem() / 1024 ** 3), node: process.version };
}
