import { build } from '/work/wt-layout/lib/pipeline/build.js';
import { PROBE_SOURCE } from '/work/wt-layout/lib/layout/probe.js';
import { launch } from 'puppeteer-core';
const deck = process.argv[2], mode = process.argv[3] ?? 'bi', fit = Number(process.argv[4] ?? 0.58);
const r = await build({ deckPath: deck, outDir: '/tmp/dbg-out', pdf: false, layout: 'skip', checks: false });
const b = await launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const p = await b.newPage();
await p.setViewport({ width: 1280, height: 720 });
const file = r.files.find((f) => f.endsWith(mode === 'bi' ? '.html' : `.${mode}.html`) && !f.endsWith('review.html'));
await p.goto(`file://${file}?print-pdf&lang=${mode}&measure`);
await p.waitForFunction('window.bideckReady === true');
await p.evaluate(PROBE_SOURCE);
const out = await p.evaluate((fit) => {
  const ids = [...document.querySelectorAll('section.slide')].map((s) => s.id);
  bideckProbe.apply(ids.map((id) => ({ id, fit, columns: 1 })));
  return ids.map((id) => { const s = document.getElementById(id); return [id, [s, ...s.querySelectorAll('.body, .initiative, .initiative__body, .statement__para, .overview__area')].filter((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1).map((e) => `${e.className}:${e.scrollWidth}x${e.scrollHeight}/${e.clientWidth}x${e.clientHeight}`)]; });
}, fit);
console.log(JSON.stringify(out, null, 0));
await b.close();
