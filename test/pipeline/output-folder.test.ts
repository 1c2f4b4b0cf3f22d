import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BideckError } from '../../src/errors.js';
import { build } from '../../src/pipeline/build.js';
import { MANIFEST, claimOutputFolder } from '../../src/pipeline/output-folder.js';
import { serve } from '../../src/serve/serve.js';
import { runCli } from '../helpers/cli.js';
import { copySeed } from '../helpers/seed-copy.js';
import { snapshot } from '../helpers/tree.js';

const ID = 'itib-budget-2023-24';
const HTML = [`${ID}.en.html`, `${ID}.html`, `${ID}.zh.html`, 'review.html'];

/** What a build wrote, less the layout decision an HTML-only build adds when a browser is found. */
const listed = (dir: string) => readdirSync(dir).filter((n) => !n.endsWith('.layout.json')).sort();

async function refused(p: Promise<unknown>): Promise<BideckError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(BideckError);
  expect((e as BideckError).exitCode).toBe(2);
  return e as BideckError;
}

const cwd = process.cwd();
afterEach(() => process.chdir(cwd));

describe('bideck writes only where it may, and replaces only what it wrote (issue 10 point 1)', () => {
  it('refuses an output folder that holds the deck (--out data): exit 2, nothing touched', async () => {
    const { dir, deck } = copySeed();
    const before = snapshot(dir);
    const run = await runCli('build', deck, '--out', dir, '--no-pdf');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error: --out .* holds .*deck\.yaml, which the build reads; give the output a folder of its own/);
    expect(snapshot(dir)).toEqual(before);
    // --force does not make the deck's folder an output folder
    expect((await runCli('build', deck, '--out', dir, '--no-pdf', '--force')).code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a folder that holds the brand, the glossary or the templates', async () => {
    const { dir, deck } = copySeed();
    const before = snapshot(dir);
    await refused(build({ deckPath: deck, outDir: join(dir, 'brands'), pdf: false }));
    const templates = join(dir, 'my-templates');
    mkdirSync(templates);
    await refused(build({ deckPath: deck, outDir: templates, pdf: false, templatesDir: templates }));
    expect(snapshot(dir)).toEqual({ ...before, 'my-templates': 'dir' });
  });

  it('refuses the working folder (--out .) and any folder above it', async () => {
    const { dir, deck } = copySeed();
    const work = join(dir, 'work');
    mkdirSync(work);
    writeFileSync(join(work, 'notes.txt'), 'mine');
    process.chdir(work);
    const before = snapshot(dir);
    const here = await runCli('build', deck, '--out', '.', '--no-pdf', '--force');
    expect(here.code).toBe(2);
    expect(here.stderr).toMatch(/error: --out .* is the working folder/);
    expect((await runCli('build', deck, '--out', '..', '--no-pdf', '--force')).stderr).toMatch(/holds the working folder/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a file as the output folder (--out deck.yaml)', async () => {
    const { dir, deck } = copySeed();
    const before = snapshot(dir);
    const e = await refused(build({ deckPath: deck, outDir: join(dir, 'glossary.yaml'), pdf: false, force: true }));
    expect(e.message).toMatch(/is a file, not a folder/);
    const other = join(dir, 'notes.txt');
    writeFileSync(other, 'x');
    expect((await refused(build({ deckPath: deck, outDir: other, pdf: false }))).message).toMatch(/is a file/);
    expect(snapshot(dir)).toEqual({ ...before, 'notes.txt': expect.any(String) as string });
  });

  it('refuses a non-empty folder bideck did not make; --force writes into it and keeps the other files', async () => {
    const { deck } = copySeed();
    const out = join(mkdtempSync(join(tmpdir(), 'bideck-out-')), 'mine');
    mkdirSync(join(out, 'photos'), { recursive: true });
    writeFileSync(join(out, 'budget.xlsx'), 'spreadsheet');
    writeFileSync(join(out, 'photos', 'a.jpg'), 'jpeg');
    const before = snapshot(out);
    const e = await refused(build({ deckPath: deck, outDir: out, pdf: false }));
    expect(e.message).toMatch(/already holds files bideck did not write \(budget\.xlsx, photos\); choose a new or empty folder, or add --force/);
    expect(snapshot(out)).toEqual(before);

    await build({ deckPath: deck, outDir: out, pdf: false, force: true });
    expect(listed(out)).toEqual([MANIFEST, 'budget.xlsx', ...HTML, 'photos'].sort());
    expect(readFileSync(join(out, 'budget.xlsx'), 'utf8')).toBe('spreadsheet');
    expect(readFileSync(join(out, 'photos', 'a.jpg'), 'utf8')).toBe('jpeg');
    // Now marked: the next build needs no --force, and still leaves the user's files alone.
    await build({ deckPath: deck, outDir: out, pdf: false, modes: ['en'] });
    expect(listed(out)).toEqual([MANIFEST, 'budget.xlsx', `${ID}.en.html`, 'photos', 'review.html'].sort());
  });

  it('a rebuild replaces its own files, removes outputs it no longer makes, and keeps a file the user added', async () => {
    const { deck } = copySeed();
    const out = join(mkdtempSync(join(tmpdir(), 'bideck-out-')), 'dist');
    await build({ deckPath: deck, outDir: out, pdf: false });
    expect(listed(out)).toEqual([MANIFEST, ...HTML].sort());
    const { files } = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { files: string[] };
    expect(files.filter((n) => !n.endsWith('.layout.json'))).toEqual([...HTML].sort());
    writeFileSync(join(out, 'speech.docx'), 'mine');
    await build({ deckPath: deck, outDir: out, pdf: false, modes: ['zh'] });
    expect(listed(out)).toEqual([MANIFEST, `${ID}.zh.html`, 'review.html', 'speech.docx'].sort());
    expect(readFileSync(join(out, 'speech.docx'), 'utf8')).toBe('mine');
  });

  it('adopts a dist/ from before the manifest only when it holds nothing but bideck outputs', async () => {
    const { deck } = copySeed();
    const old = join(mkdtempSync(join(tmpdir(), 'bideck-out-')), 'dist');
    mkdirSync(old);
    for (const n of [`${ID}.html`, `${ID}.zh.pdf`, `${ID}.handout.pdf`, 'review.html']) writeFileSync(join(old, n), 'old');
    await build({ deckPath: deck, outDir: old, pdf: false, modes: ['bi'] });
    expect(listed(old)).toEqual([MANIFEST, `${ID}.html`, 'review.html'].sort());

    const mixed = join(mkdtempSync(join(tmpdir(), 'bideck-out-')), 'dist');
    mkdirSync(mixed);
    writeFileSync(join(mixed, `${ID}.html`), 'old');
    writeFileSync(join(mixed, 'README.txt'), 'mine');
    const before = snapshot(mixed);
    await refused(build({ deckPath: deck, outDir: mixed, pdf: false }));
    expect(snapshot(mixed)).toEqual(before);
  });

  it('a manifest cannot point bideck outside its folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bideck-out-'));
    const out = join(root, 'dist');
    mkdirSync(out);
    writeFileSync(join(root, 'precious.txt'), 'keep');
    writeFileSync(join(out, MANIFEST), JSON.stringify({ writtenBy: 'bideck', files: ['../precious.txt', '/etc/hostname', 'a/../../precious.txt'] }));
    const claim = await claimOutputFolder(out, { protect: [] });
    expect(claim.previous).toEqual([]);
    const { deck } = copySeed();
    await build({ deckPath: deck, outDir: out, pdf: false, modes: ['en'] });
    expect(readFileSync(join(root, 'precious.txt'), 'utf8')).toBe('keep');
  });

  it('a browser that fails to start leaves the previous output byte for byte (point 2)', async () => {
    const { deck } = copySeed();
    const out = join(mkdtempSync(join(tmpdir(), 'bideck-out-')), 'dist');
    await build({ deckPath: deck, outDir: out, pdf: false });
    writeFileSync(join(out, `${ID}.pdf`), 'previous PDF'); // as if an earlier build had made it
    const before = snapshot(out);
    const env = { ...process.env, PUPPETEER_EXECUTABLE_PATH: '/bin/false' };
    const e = await build({ deckPath: deck, outDir: out, env }).then(() => undefined, (err: unknown) => err as BideckError);
    expect(e?.exitCode).toBe(5);
    expect(e?.message).toMatch(/failed to start/);
    expect(snapshot(out)).toEqual(before);
  });

  it('serve refuses the same folders before it starts', async () => {
    const { dir, deck } = copySeed();
    const e = await serve({ deckPath: deck, outDir: dir }).then(() => undefined, (err: unknown) => err as BideckError);
    expect(e?.exitCode).toBe(2);
    expect(existsSync(join(dir, MANIFEST))).toBe(false);
  });

  // Renaming a mount point fails (EBUSY), and a stage beside it is on another file system
  // (EXDEV): the stage lives inside an existing output folder and only files are moved.
  const canMount = process.getuid?.() === 0 && process.platform === 'linux';
  it.runIf(canMount)('an output folder that is a mount point builds (point 15)', async (ctx) => {
    const { deck } = copySeed();
    const out = join(mkdtempSync(join(tmpdir(), 'bideck-mnt-')), 'dist');
    mkdirSync(out);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'none', out], { stdio: 'ignore' });
    } catch {
      ctx.skip(); // a container that forbids mounting
    }
    try {
      await build({ deckPath: deck, outDir: out, pdf: false });
      await build({ deckPath: deck, outDir: out, pdf: false, modes: ['en'] });
      expect(listed(out)).toEqual([MANIFEST, `${ID}.en.html`, 'review.html'].sort());
    } finally {
      execFileSync('umount', [out]);
    }
  });
});
