// `npm run bench:compare [-- <commit> [runs]]`: this checkout against an earlier commit of
// bideck, on the same machine, in alternating runs (issue 9: "the seed and 1,000-slide timings
// do not regress by more than 10 %"). The default base is afa0521, the last commit before BudouX
// and the layout stage. Each side builds its own seed deck (data/deck.yaml) and its own
// 1,000-slide synthetic deck from it (bench/synth.mjs), with its own cache folder, fonts warm.
// The base is checked out once into .cache/compare/<commit> (a git worktree using this
// checkout's node_modules) and compiled there. It measures; it asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [base = 'afa0521', runsArg = '3'] = process.argv.slice(2);
const RUNS = Number(runsArg);
const node = process.execPath;
const work = mkdtempSync(join(tmpdir(), 'bideck-compare-'));
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

const sha = git('rev-parse', '--verify', `${base}^{commit}`);
const baseDir = join(root, '.cache', 'compare', sha.slice(0, 12));
if (!existsSync(join(baseDir, 'lib', 'index.js'))) {
  console.error(`checking out ${sha.slice(0, 12)} into ${baseDir}`);
  rmSync(baseDir, { recursive: true, force: true });
  git('worktree', 'prune');
  git('worktree', 'add', '--detach', baseDir, sha);
  symlinkSync(join(root, 'node_modules'), join(baseDir, 'node_modules'), 'dir');
  execFileSync(node, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: baseDir, stdio: 'inherit' });
}

/**
 * A side: its checkout, its seed deck, its 1,000-slide deck and a cache folder for each deck, so
 * that a "measured" run of one deck (its layout decisions removed) leaves the other's cached.
 */
async function side(name, dir) {
  const { writeSyntheticDeck } = await import(pathToFileURL(join(dir, 'bench', 'synth.mjs')).href);
  const seed = join(dir, 'data', 'deck.yaml');
  const big = writeSyntheticDeck(seed, 1000, join(work, `${name}-deck`));
  return { name, dir, seed, big, caches: { [seed]: join(work, `${name}-cache-seed`), [big]: join(work, `${name}-cache-big`) } };
}
const sides = [await side('base', baseDir), await side('head', root)];

/** One build in its own process (the side's bench/case.mjs): whole-process milliseconds. */
function run(s, deck, { modes = '', measured = false } = {}) {
  const cache = s.caches[deck];
  if (measured) rmSync(join(cache, 'layout'), { recursive: true, force: true });
  const out = join(work, `out-${Math.random().toString(36).slice(2)}`);
  const t = performance.now();
  const r = spawnSync(node, [join(s.dir, 'bench', 'case.mjs'), deck, out, 'pdf', cache], { cwd: s.dir, encoding: 'utf8', env: { ...process.env, BIDECK_BENCH_MODES: modes } });
  const ms = performance.now() - t;
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`${s.name}: ${deck} failed: ${r.stderr}`);
  return ms;
}

const [baseSide, head] = sides;
// Warm each side's font cache and (for "cached" runs) its layout decisions.
for (const s of sides) {
  run(s, s.seed);
  run(s, s.big, { modes: 'bi' });
}
const times = { seedBase: [], seedBaseMeasured: [], seedCached: [], seedMeasured: [], bigBase: [], bigBaseMeasured: [], bigCached: [], bigMeasured: [] };
for (let i = 0; i < RUNS; i++) {
  for (let k = 0; k < 3; k++) {
    times.seedBase.push(run(baseSide, baseSide.seed));
    times.seedCached.push(run(head, head.seed));
    times.seedBaseMeasured.push(run(baseSide, baseSide.seed, { measured: true }));
    times.seedMeasured.push(run(head, head.seed, { measured: true }));
  }
  times.bigBase.push(run(baseSide, baseSide.big, { modes: 'bi' }));
  times.bigCached.push(run(head, head.big, { modes: 'bi' }));
  times.bigBaseMeasured.push(run(baseSide, baseSide.big, { modes: 'bi', measured: true }));
  times.bigMeasured.push(run(head, head.big, { modes: 'bi', measured: true }));
  console.error(`round ${i + 1}/${RUNS}, load ${loadavg()[0].toFixed(1)}`);
}
run(head, head.big, { modes: 'bi' }); // leave the head's layout cached, as found

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const pct = (a, b) => `${a >= b ? '+' : '−'}${Math.abs((a / b - 1) * 100).toFixed(1)} %`;
const rows = [
  ['seed, full build (3 HTML + 3 PDF), layout cached', 'seedBase', 'seedCached'],
  ['seed, full build, layout measured', 'seedBaseMeasured', 'seedMeasured'],
  ['1,000 slides, bilingual, tagged PDF, layout cached', 'bigBase', 'bigCached'],
  ['1,000 slides, bilingual, tagged PDF, layout measured', 'bigBaseMeasured', 'bigMeasured'],
];
console.log(`\nbideck ${git('rev-parse', '--short', 'HEAD')} against ${sha.slice(0, 12)}, medians of ${RUNS * 3} seed and ${RUNS} 1,000-slide runs, alternating`);
console.log(['work', `base ${sha.slice(0, 7)}`, 'head', 'change'].join(' | '));
for (const [label, b, h] of rows) {
  const [mb, mh] = [median(times[b]), median(times[h])];
  console.log([label, s(mb), s(mh), pct(mh, mb)].join(' | '));
}
console.log(`all runs (ms): ${JSON.stringify(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.map(Math.round)])))}`);
rmSync(work, { recursive: true, force: true });
