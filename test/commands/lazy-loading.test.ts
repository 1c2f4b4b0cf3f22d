import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED_DECK } from '../helpers/seed.js';

/** The heavy modules bideck loads only for the work that needs them (README, Performance). */
const HEAVY = ['puppeteer-core', 'pdf-lib', 'pptxgenjs', 'echarts'];

/**
 * The packages a command loads, as Node resolves them: a module-resolution hook (node:module
 * register) reports each package the first time any of its files is resolved.
 */
function packagesLoaded(args: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'bideck-loads-'));
  const hook = join(dir, 'hook.mjs');
  writeFileSync(hook, [
    'const seen = new Set();',
    'export async function resolve(spec, ctx, next) {',
    '  const r = await next(spec, ctx);',
    '  const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(r.url);',
    "  if (m && !seen.has(m[1])) { seen.add(m[1]); process.stderr.write('LOADED ' + m[1] + '\\n'); }",
    '  return r;',
    '}',
  ].join('\n'));
  // The hook sees what is imported; what is required (yaml, src/load/yaml.ts) is read from
  // require's cache as the process exits.
  const register = join(dir, 'register.mjs');
  writeFileSync(register, [
    "import { createRequire, register } from 'node:module';",
    `register(${JSON.stringify(pathToFileURL(hook).href)});`,
    'const cache = createRequire(import.meta.url).cache;',
    "process.on('exit', () => { for (const k of Object.keys(cache)) { const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(k); if (m) process.stderr.write('LOADED ' + m[1] + '\\n'); } });",
  ].join('\n'));
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(register).href, ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return [...run.stderr.matchAll(/^LOADED (.+)$/gm)].map((m) => m[1] ?? '');
}

describe('what each command loads', () => {
  const bin = join(ROOT, 'test', 'helpers', 'bin.ts');

  it('--help loads none of puppeteer, pdf-lib, pptxgenjs and ECharts', () => {
    const loaded = packagesLoaded([bin, '--help']);
    expect(loaded).toContain('commander'); // the hook sees packages at all
    for (const p of HEAVY) expect(loaded).not.toContain(p);
  });

  it('check --no-overflow loads none of them either, nor the browser finder (the text rules need no browser)', () => {
    const loaded = packagesLoaded([bin, 'check', SEED_DECK, '--no-overflow']);
    expect(loaded).toContain('js-yaml');
    for (const p of [...HEAVY, '@puppeteer/browsers']) expect(loaded).not.toContain(p);
  });

  it("an HTML-only build with its layout cached loads no browser finder, and a valid deck not yaml's document builder", () => {
    const out = mkdtempSync(join(tmpdir(), 'bideck-html-'));
    // The first build decides the layout (in the browser, which CI has) and caches it.
    packagesLoaded([bin, 'build', SEED_DECK, '--no-pdf', '--quiet', '--out', join(out, 'a')]);
    const loaded = packagesLoaded([bin, 'build', SEED_DECK, '--no-pdf', '--quiet', '--out', join(out, 'b')]);
    expect(loaded).toContain('handlebars');
    for (const p of [...HEAVY, '@puppeteer/browsers', 'yaml']) expect(loaded).not.toContain(p);
  });

  it('the CLI and the library as installed (bin/bideck.js and "main" run the bundle, scripts/compile.mjs) load them as lazily', () => {
    const out = mkdtempSync(join(tmpdir(), 'bideck-html-'));
    const cli = join(ROOT, 'bin', 'bideck.js');
    packagesLoaded([cli, 'build', SEED_DECK, '--no-pdf', '--quiet', '--out', join(out, 'a')]);
    const loaded = packagesLoaded([cli, 'build', SEED_DECK, '--no-pdf', '--quiet', '--out', join(out, 'b')]);
    expect(loaded).toContain('budoux'); // the hook sees the packages that are not bundled
    for (const p of [...HEAVY, '@puppeteer/browsers', 'yaml']) expect(loaded).not.toContain(p);
    const help = packagesLoaded([cli, '--help']);
    for (const p of [...HEAVY, '@puppeteer/browsers']) expect(help).not.toContain(p);
    const library = packagesLoaded(['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(join(ROOT, 'lib', 'bundle', 'index.js')).href)});`]);
    for (const p of [...HEAVY, '@puppeteer/browsers']) expect(library).not.toContain(p);
  });

  it('importing the library loads none of them (serve loads its exports on first use)', () => {
    const loaded = packagesLoaded(['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src', 'index.ts')).href)});`]);
    expect(loaded).toContain('handlebars');
    for (const p of HEAVY) expect(loaded).not.toContain(p);
  });
});
