import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/seed.js';

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

/**
 * Issue 14: what `npm pack` ships works on its own. The tarball is installed into an empty
 * folder (dependencies from npm's cache, which `npm ci` filled), then used as a user would:
 * `npx bideck`, `import 'bideck'`, a new deck built to PDF. `lib/` is what `npm test` compiled just
 * before (`prepare` does the same for `npm pack` and `npm ci`), so packing skips the scripts.
 */
describe('the npm package', () => {
  it('installs from its tarball and runs: npx bideck --version, init, build; import from "bideck"', () => {
    const packs = mkdtempSync(join(tmpdir(), 'bideck-pack-'));
    const name = run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', packs], ROOT).trim().split('\n').at(-1) ?? '';
    const tarball = join(packs, name);
    const listing = run('tar', ['-tzf', tarball], packs).split('\n').filter(Boolean);
    expect(listing).toContain('package/lib/cli.js');
    expect(listing).toContain('package/lib/bundle/cli.js'); // what bin/bideck.js runs (scripts/compile.mjs)
    expect(listing).toContain('package/lib/index.d.ts');
    expect(listing).toContain('package/LICENSE');
    expect(listing).toContain('package/templates/init/deck.yaml');
    expect(listing.filter((f) => f.endsWith('.map') || f.startsWith('package/src/') || f.startsWith('package/test/'))).toEqual([]);

    const app = mkdtempSync(join(tmpdir(), 'bideck-app-'));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app);

    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run('npx', ['--no-install', 'bideck', '--version'], app).trim()).toBe(version);
    run('npx', ['--no-install', 'bideck', 'init', 'briefing'], app);
    run('npx', ['--no-install', 'bideck', 'check', 'briefing/deck.yaml', '--strict', '--no-overflow'], app);
    run('npx', ['--no-install', 'bideck', 'build', 'briefing/deck.yaml', '--out', 'briefing/dist', '--modes', 'en'], app);
    expect(readdirSync(join(app, 'briefing', 'dist')).sort()).toEqual(['.bideck-output.json', 'briefing.en.html', 'briefing.en.pdf', 'briefing.layout.json', 'review.html']);
    expect(readFileSync(join(app, 'briefing', 'dist', 'briefing.en.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    writeFileSync(join(app, 'use.mjs'), "import { build, checkDeck, exportXliff, loadProject, ExitCode } from 'bideck';\nconsole.log([build, checkDeck, exportXliff, loadProject].map((f) => typeof f).join(), ExitCode.data);\n");
    expect(run('node', ['use.mjs'], app).trim()).toBe('function,function,function,function 3');
    // Types resolve through "exports" for TypeScript users.
    expect(existsSync(join(app, 'node_modules', 'bideck', 'lib', 'index.d.ts'))).toBe(true);
  }, 300_000);
});
