// `npm run bench`: bideck against its floor and its peer on the same texts (issue 15), and the
// stage breakdown of the seed and a 1,000-slide deck. Prints a table with ratios and writes
// bench/results.json. It measures; it asserts nothing. Whole-process times are medians of
// runs that alternate bideck, the floor and the peer, so a busy machine slows all alike;
// the load average is printed with the results.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MARP_VERSION, ensureMarp, slideTexts, writeFloorDeck, writeMarpDeck } from './peers.mjs';
import { measureServeLatency } from './serve-latency.mjs';
import { median, pairedRatios } from './stats.mjs';
import { writeSyntheticDeck } from './synth.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'bideck-bench-'));
const seed = join(root, 'data', 'deck.yaml');
const node = process.execPath;
const bin = join(root, 'bin', 'bideck.js');
const fresh = (name) => join(work, `${name}-${Math.random().toString(36).slice(2)}`);
const load = () => loadavg()[0].toFixed(1);
// The layout stage's cached decisions (src/layout/cache.ts): removed before a run to time a
// build whose content changed since the last one (the layout measured, not reused).
const forgetLayouts = () => rmSync(join(root, 'node_modules', '.cache', 'bideck', 'layout'), { recursive: true, force: true });
// Repeats: more give steadier medians; a busy machine may need fewer to finish at all.
const SEED_RUNS = Number(process.env.BIDECK_BENCH_SEED_RUNS ?? 5);
const BIG_RUNS = Number(process.env.BIDECK_BENCH_BIG_RUNS ?? 3);

/** Whole process, from spawn to exit. */
function wall(cmd, args, env = {}) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return { ms: performance.now() - t, stdout: r.stdout };
}

/** One bideck build in bench/case.mjs: stage timings, peak memory, sizes, and its whole-process time. */
function runCase(deck, { pdf = true, modes, draft = false, pptx = false, cacheDir, memory = false } = {}) {
  const args = [join(root, 'bench', 'case.mjs'), deck, fresh('out'), pdf ? 'pdf' : 'html', cacheDir ?? ''];
  const r = wall(node, args, { BIDECK_BENCH_MODES: modes ?? '', BIDECK_BENCH_DRAFT: draft ? '1' : '', BIDECK_BENCH_PPTX: pptx ? '1' : '', BIDECK_BENCH_MEMORY: memory ? '1' : '' });
  return { ...JSON.parse(r.stdout.trim().split('\n').at(-1)), processMs: r.ms, load: load() };
}

/** The floor and the peer for one deck: the deck files they print. */
async function peers(deck, bideckHtml, name) {
  const texts = await slideTexts(root, deck);
  const floorHtml = join(work, `${name}-floor.html`);
  writeFloorDeck(root, texts, bideckHtml, floorHtml);
  const marpMd = join(work, `${name}.md`);
  writeMarpDeck(texts, marpMd);
  return { floorHtml, marpMd };
}
const floorRun = (html) => wall(node, [join(root, 'bench', 'floor.mjs'), html, fresh('floor') + '.pdf']).ms;
const marpRun = (cli, md) => wall(node, [cli, '--pdf', md, '-o', fresh('marp') + '.pdf'], { CHROME_PATH: realChromium() }).ms;
function realChromium() {
  return execFileSync(node, ['-e', `import(${JSON.stringify(join(root, 'lib', 'export', 'find-browser.js'))}).then((b) => process.stdout.write(b.findBrowser()))`], { encoding: 'utf8' });
}

const results = { machine: machine(), date: new Date().toISOString(), loadBefore: load(), cases: {} };
console.error(`bideck bench on ${results.machine.cpus}× ${results.machine.cpu}, ${results.machine.memoryGiB} GiB, load ${results.loadBefore}`);
const marp = ensureMarp(root);
if (!marp) console.error('Marp CLI could not be installed (offline?): the peer column stays empty');

// Seed: whole process, alternating bideck (HTML only, full build), the floor and Marp.
const seedBuilt = runCase(seed); // warms the font cache; gives the stage breakdown
results.cases.seed = seedBuilt;
// Seed with --pptx: the PowerPoint stage is measuring the print view plus writing the file.
results.cases.seedPptx = runCase(seed, { pptx: true });
const seedPeers = await peers(seed, seedBuilt.html, 'seed');
const seedRuns = { html: [], full: [], measured: [], floor: [], marp: [] };
for (let i = 0; i < SEED_RUNS; i++) {
  seedRuns.html.push(wall(node, [bin, 'build', seed, '--no-pdf', '--out', fresh('html')]).ms);
  seedRuns.full.push(wall(node, [bin, 'build', seed, '--out', fresh('full')]).ms);
  forgetLayouts();
  seedRuns.measured.push(wall(node, [bin, 'build', seed, '--out', fresh('measured')]).ms);
  seedRuns.floor.push(floorRun(seedPeers.floorHtml));
  if (marp) seedRuns.marp.push(marpRun(marp, seedPeers.marpMd));
}
results.seed = Object.fromEntries(Object.entries(seedRuns).map(([k, v]) => [k, v.length ? median(v) : null]));
results.seed.load = load();

// 1,000 slides, bilingual, one tagged PDF (and untagged, --draft), against the floor.
const big = writeSyntheticDeck(seed, 1000, join(work, 'synthetic-1000'));
// As a rebuild finds it: fonts cached (the seed's characters), the layout decided, and its
// phrase-break record checked by a print of the same modes (README, Layout).
runCase(big, { modes: 'bi' });
const bigRuns = { tagged: [], measured: [], draft: [], floor: [] };

let bigPeers;
for (let i = 0; i < BIG_RUNS; i++) {
  const tagged = runCase(big, { modes: 'bi' });
  results.cases.synthetic1000 ??= tagged;
  bigPeers ??= await peers(big, tagged.html, 'synthetic-1000');
  bigRuns.tagged.push(tagged.processMs);
  forgetLayouts();
  const measured = runCase(big, { modes: 'bi' });
  results.cases.synthetic1000measured ??= measured;
  bigRuns.measured.push(measured.processMs);
  bigRuns.floor.push(floorRun(bigPeers.floorHtml));
  const draft = runCase(big, { modes: 'bi', draft: true });
  results.cases.synthetic1000draft ??= draft;
  bigRuns.draft.push(draft.processMs);
}
// Memory in runs of its own (bench/case.mjs: sampling slows a build), untimed: the most each
// build held at once, a rebuild and a measured build twice each (the browser's garbage while
// printing varies by ≈ 0.1 GiB from run to run).
const bigMemory = { tagged: [], measured: [] };
for (let i = 0; i < 2; i++) {
  bigMemory.tagged.push((results.cases.synthetic1000memory = runCase(big, { modes: 'bi', memory: true })).peakPss);
  forgetLayouts();
  bigMemory.measured.push((results.cases.synthetic1000measuredMemory = runCase(big, { modes: 'bi', memory: true })).peakPss);
}
results.big = { ...Object.fromEntries(Object.entries(bigRuns).map(([k, v]) => [k, median(v)])), runs: bigRuns, memory: bigMemory, load: load() };
// Each 1,000-slide ratio is the median of the rounds' own ratios (run i against floor run i,
// minutes apart): a ratio of medians would set a slow round's build against a quick round's floor.
results.big.ratios = Object.fromEntries(['tagged', 'measured', 'draft'].map((k) => [k, pairedRatios(bigRuns[k], bigRuns.floor)]));
results.cases.synthetic1000Pptx = runCase(big, { modes: 'bi', pptx: true });

// bideck serve: from saving the seed deck to the open browser showing the change.
results.cases.serveEditToReload = await measureServeLatency({ edits: 10 });
// Chinese phrase breaks: module load plus marking every distinct text of the seed once.
// In a process of its own: this one has loaded the phrase model already (bench/phrases.mjs).
results.cases.phrases = JSON.parse(wall(node, [join(root, 'bench', 'phrases.mjs'), seed]).stdout.trim());

writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
printTables(results);

function printTables(r) {
  const s = (ms) => (ms == null ? '–' : `${(ms / 1000).toFixed(2)} s`);
  const x = (a, b) => (a == null || b == null ? '–' : `${(a / b).toFixed(2)}×`);
  // The median of the paired ratios, and their range over the rounds.
  const xr = (k) => { const p = r.big.ratios[k]; return `${p.median.toFixed(2)}× [${p.min.toFixed(2)}–${p.max.toFixed(2)}]`; };
  const c = r.cases.synthetic1000;
  const biPdf = Object.entries(c.sizes).find(([f]) => f.endsWith('.pdf'))?.[1] ?? 0;
  // The most held at once, in the heavier of the runs (both in brackets): the goal is a ceiling.
  // And, as earlier benches read it, node's peak RSS plus the browser's peak PSS, which need not
  // coincide.
  const gib = (bytes) => (bytes / 1024 ** 3).toFixed(2);
  const range = (xs) => (xs.length > 1 ? ` [${gib(Math.min(...xs))}–${gib(Math.max(...xs))}]` : '');
  const summed = (k) => (r.cases[k] ? gib(r.cases[k].nodePeakRss + r.cases[k].browserPeakRss) : '–');
  const memory = (xs, k) => `${gib(Math.max(...xs))} GiB${range(xs)} (peaks summed: ${summed(k)})`;
  const rows = [
    ['work', 'bideck', 'floor / peer', 'ratio', 'goal'],
    ['seed, full build (3 HTML + 3 PDF + review)', s(r.seed.full), `Marp ${MARP_VERSION}, one PDF: ${s(r.seed.marp)}`, x(r.seed.full, r.seed.marp), '≤ 1.0×'],
    ['seed, full build, layout measured (content changed)', s(r.seed.measured), `Marp ${MARP_VERSION}, one PDF: ${s(r.seed.marp)}`, x(r.seed.measured, r.seed.marp), '≤ 1.0×'],
    ['seed, full build', s(r.seed.full), `bare reveal.js, one PDF: ${s(r.seed.floor)}`, x(r.seed.full, r.seed.floor), ''],
    ['seed, HTML only', s(r.seed.html), '', '', '≤ 0.5 s'],
    ['1,000 slides, bi, tagged PDF', s(r.big.tagged), `bare reveal.js, tagged: ${s(r.big.floor)}`, xr('tagged'), '≤ 1.5×'],
    ['1,000 slides, bi, tagged, layout measured', s(r.big.measured), `bare reveal.js, tagged: ${s(r.big.floor)}`, xr('measured'), '≤ 1.5×'],
    ['1,000 slides, bi, --draft (untagged)', s(r.big.draft), `bare reveal.js, tagged: ${s(r.big.floor)}`, xr('draft'), ''],
    ['1,000 slides, peak memory at once (node + browser PSS)', memory(r.big.memory.tagged, 'synthetic1000memory'), '', '', '< 1.5 GiB'],
    ['1,000 slides, layout measured, peak memory at once', memory(r.big.memory.measured, 'synthetic1000measuredMemory'), '', '', ''],
    ['1,000 slides, PDF size', `${(biPdf / 1024 / c.slides).toFixed(1)} KB/slide`, '', '', '≤ 5 KB'],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log(row.map((v, i) => v.padEnd(widths[i])).join('  '));
  console.log(`\nload average (1 min) before ${r.loadBefore}, after seed ${r.seed.load}, after 1,000 slides ${r.big.load}`);
  const stages = (k) => r.cases[k].timings.map((t) => `${t.stage} ${t.ms.toFixed(0)}`).join(', ');
  console.log(`stages (ms), seed: ${stages('seed')}`);
  console.log(`stages (ms), 1,000 tagged: ${stages('synthetic1000')}`);
  console.log(`stages (ms), 1,000 tagged, layout measured: ${stages('synthetic1000measured')}`);
  console.log(`stages (ms), 1,000 draft: ${stages('synthetic1000draft')}`);
  const stage = (c, name) => c.timings.filter((t) => t.stage === name).reduce((n, t) => n + t.ms, 0);
  for (const [name, label] of [['seedPptx', 'seed, 3 modes'], ['synthetic1000Pptx', '1,000 slides, bilingual']]) {
    const c = r.cases[name];
    if (!c) continue;
    const per = ['bi', 'zh', 'en'].filter((m) => c.timings.some((t) => t.stage === `pptx ${m}`))
      .map((m) => `${m} ${stage(c, `measure ${m}`).toFixed(0)} + ${stage(c, `pptx ${m}`).toFixed(0)} ms`);
    const size = Object.entries(c.sizes).find(([f]) => f.endsWith('.pptx') && !/\.(zh|en)\.pptx$/.test(f));
    console.log(`PPTX stage (${label}; measure + write): ${per.join(', ')}; bilingual .pptx ${size ? `${(size[1] / 1024).toFixed(0)} KB` : '-'}`);
  }
  const serve = r.cases.serveEditToReload;
  console.log(`serve, edit to reload (seed, 10 saves): median ${serve.editToDomMs.median.toFixed(0)} ms, p90 ${serve.editToDomMs.p90.toFixed(0)} ms`);
  console.log(`serve, edit to live review page (seed, 10 saves): median ${serve.reviewEditToDomMs.median.toFixed(0)} ms, p90 ${serve.reviewEditToDomMs.p90.toFixed(0)} ms`);
  const ph = r.cases.phrases;
  console.log(`phrase breaks (BudouX + ICU words + amounts), seed: ${ph.texts} texts in ${ph.markMs.toFixed(0)} ms, after ${ph.loadMs.toFixed(0)} ms to load the model (part of "render")`);
}

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try { cpu = execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], { encoding: 'utf8' }).trim() || cpu; } catch { /* not Linux */ }
  return { cpus: cpus().length, cpu, memoryGiB: Math.round(totalmem() / 1024 ** 3), node: process.version };
}
