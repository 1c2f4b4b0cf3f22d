#!/usr/bin/env node
// One-time setup behind `npm run build` and `npm test`, so a fresh Debian machine with only
// Node 20 needs nothing done by hand: npm dependencies, a browser for PDFs, and (for tests)
// poppler-utils to read PDFs back. Idempotent and quick when everything is already there.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const forTests = process.argv.includes('--test');
const say = (m) => process.stderr.write(`setup: ${m}\n`);

function run(cmd, args) {
  say(`${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) {
    say(`'${cmd} ${args.join(' ')}' failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const isRoot = process.getuid?.() === 0;
const canApt = process.platform === 'linux' && has('apt-get');
let aptUpdated = false;
function aptInstall(...pkgs) {
  const prefix = isRoot ? [] : has('sudo') ? ['sudo'] : null;
  if (!canApt || prefix === null) return false;
  const cmd = prefix.length ? 'sudo' : 'apt-get';
  const pre = prefix.length ? ['apt-get'] : [];
  if (!aptUpdated) run(cmd, [...pre, 'update', '-qq']);
  aptUpdated = true;
  run(cmd, [...pre, 'install', '-y', '-qq', '--no-install-recommends', ...pkgs]);
  return true;
}

// 1. npm dependencies, exactly as locked.
const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(join(root, 'package-lock.json')).mtimeMs) {
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

// 2. A browser for PDF export (users normally have Chrome or Edge; CI and servers get Chromium).
const browsers = [
  process.env.PUPPETEER_EXECUTABLE_PATH,
  '/opt/google/chrome/chrome',
  '/usr/bin/google-chrome',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/microsoft-edge',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
].filter(Boolean);
if (process.platform === 'linux' && !browsers.some((b) => existsSync(b))) {
  if (!aptInstall('chromium')) say('no Chrome/Chromium found; PDF export needs one (sudo apt-get install chromium)');
}

// 3. Tests read PDFs back with poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm).
if (forTests && !has('pdftotext')) {
  if (!aptInstall('poppler-utils')) say('pdftotext not found; install poppler-utils for the PDF tests');
}

// 4. Tests open the PowerPoint files in a real client: LibreOffice Impress, headless.
if (forTests && !has('soffice')) {
  if (!aptInstall('libreoffice-impress')) say('soffice not found; install libreoffice-impress for the PowerPoint tests');
}

// Fail early with a clear message rather than deep inside a build.
try {
  execFileSync(process.execPath, ['-e', "import('puppeteer-core')"], { cwd: root, stdio: 'ignore' });
} catch {
  say('dependencies are incomplete; run: npm ci');
  process.exit(1);
}
