import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
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
    .action(async (deck: string, opts: { out?: string }) => {
      const { exportXliff } = await import('../xliff/index.js');
      const { withCachedLayout } = await import('../pipeline/layout.js');
      const { DEFAULT_CACHE_DIR } = await import('../pipeline/build.js');
      const result = await exportXliff(deck, (p) => withCachedLayout(p, { cacheDir: DEFAULT_CACHE_DIR }));
      if (opts.out === '-') {
        process.stdout.write(result.xml);
        return;
      }
      const out = opts.out ?? `${result.project.model.deck.meta.id}.xlf`;
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
