import { lstat, mkdir, open, realpath, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Project } from '../load/project.js';
import type { Command } from 'commander';
import { BideckError } from '../errors.js';
import { displayPath } from '../load/files.js';
import { DEFAULT_DECK } from './io.js';

/**
 * `bideck xliff export` writes `<deck id>.xlf` in the working folder by default: a file, not
 * stdout, because PowerShell's `>` re-encodes output as UTF-16; and not in dist/, which every
 * build replaces wholesale. `-o -` prints to stdout.
 */
export function registerXliff(program: Command): void {
  const xliff = program.command('xliff').description('XLIFF 2.0 round trip for translators (source 中文, target English)');

  xliff
    .command('export')
    .description('write every segment as an XLIFF 2.0 unit')
    .argument('[deck]', 'deck YAML file', DEFAULT_DECK)
    .option('-o, --out <file>', 'XLIFF file to write, or - for stdout (default: <deck id>.xlf)')
    .option('--force', 'replace an existing file that is not an XLIFF file')
    .action(async (deck: string, opts: { out?: string; force?: boolean }) => {
      const { exportXliff } = await import('../xliff/index.js');
      const { withCachedLayout } = await import('../pipeline/layout.js');
      const { DEFAULT_CACHE_DIR } = await import('../pipeline/build.js');
      const result = await exportXliff(deck, (p) => withCachedLayout(p, { cacheDir: DEFAULT_CACHE_DIR }));
      if (opts.out === '-') {
        process.stdout.write(result.xml);
        return;
      }
      const out = opts.out ?? `${result.project.model.deck.meta.id}.xlf`;
      await refuseOverwrite(out, result.project, opts.force === true);
      try {
        await mkdir(dirname(out), { recursive: true });
        await writeFile(out, result.xml);
      } catch (cause) {
        throw new BideckError('io', `cannot write ${out}: ${(cause as Error).message}`, { cause });
      }
      process.stderr.write(`${result.units} units from ${displayPath(result.project.deckFile)}\n`);
      process.stdout.write(`${out}\n`);
    });

  xliff
    .command('import')
    .description('write the English of a translated XLIFF back into the deck YAML (comments and layout kept)')
    .argument('<file>', 'translated XLIFF 2.0 file')
    .argument('[deck]', 'deck YAML file', DEFAULT_DECK)
    .option('-n, --dry-run', 'list what would change; write nothing')
    .action(async (file: string, deck: string, opts: { dryRun?: boolean }) => {
      const { importXliff } = await import('../xliff/index.js');
      const result = await importXliff(file, deck, { dryRun: opts.dryRun === true });
      for (const c of result.changes) process.stderr.write(`  ${c.unit}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}\n`);
      const name = displayPath(result.deckFile);
      const summary =
        result.changes.length === 0 ? `${result.units} units, no changes; ${name} left as it was` :
        result.written ? `${result.units} units, ${result.changes.length} translation(s) written to ${name}` :
        `${result.units} units, ${result.changes.length} translation(s) would be written to ${name} (dry run)`;
      process.stderr.write(`${summary}\n`);
      if (result.written) process.stdout.write(`${result.deckFile}\n`);
    });
}

/**
 * `-o` never replaces the deck or its data, and replaces another existing file only if it is
 * an XLIFF file already (a slip of `-o data/deck.yaml` once overwrote the deck: issue 10).
 */
async function refuseOverwrite(out: string, project: Project, force: boolean): Promise<void> {
  const target = await realpath(resolve(out)).catch(() => resolve(out));
  const data = [project.deckFile, project.brandFile, project.glossaryFile].filter((f): f is string => f !== undefined);
  for (const f of data) {
    if ((await realpath(f).catch(() => f)) === target) {
      throw new BideckError('usage', `-o ${out} is ${displayPath(f)}, which the deck is made of; write the XLIFF to its own file, e.g. -o ${project.model.deck.meta.id}.xlf`);
    }
  }
  const info = await lstat(target).catch(() => undefined);
  if (!info) return;
  if (!info.isFile()) throw new BideckError('usage', `-o ${out} is not a file; name the XLIFF file to write`);
  if (force || (await looksLikeXliff(target))) return;
  throw new BideckError('usage', `-o ${out} already exists and is not an XLIFF file; choose another name, or add --force to replace it`);
}

async function looksLikeXliff(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return /<xliff[\s>]/.test(head.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}
