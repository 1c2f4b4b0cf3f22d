import { Option } from 'commander';
import type { Command } from 'commander';
import { build } from '../build/build.js';
import { DEFAULT_DECK, consoleReporter, parseModes } from './io.js';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build the HTML decks and PDFs into the output folder')
    .argument('[deck]', 'deck YAML file', DEFAULT_DECK)
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('--no-pdf', 'write the HTML decks only (no browser needed)')
    .addOption(new Option('--modes <list>', 'language modes, comma-separated: bi, zh, en').default('bi,zh,en'))
    .action(async (deck: string, opts: { out: string; pdf: boolean; modes: string }) => {
      const start = performance.now();
      process.stderr.write(`bideck build ${deck}\n`);
      const result = await build({
        deckPath: deck,
        outDir: opts.out,
        pdf: opts.pdf,
        modes: parseModes(opts.modes),
        reporter: consoleReporter(),
      });
      for (const [mode, ids] of Object.entries(result.overflowing)) {
        if (ids.length) process.stderr.write(`warning: ${mode} deck: slide(s) ${ids.join(', ')} overflow their box\n`);
      }
      for (const f of result.files) process.stdout.write(`${f}\n`);
      process.stderr.write(`done in ${(performance.now() - start).toFixed(0)} ms\n`);
    });
}
