import type { Command } from 'commander';
import { displayPath } from '../load/files.js';
import { DEFAULT_DECK } from './io.js';

export function registerApprove(program: Command): void {
  program
    .command('approve')
    .description('record that the English of these segments (all, without ids) fits their Chinese as it is now; clears stale-translation')
    .argument('[ids...]', 'segment ids, or a slide id for all its segments')
    .option('-d, --deck <file>', 'deck YAML file', DEFAULT_DECK)
    .action(async (ids: string[], opts: { deck: string }) => {
      const { approveTranslations } = await import('../xliff/approve.js');
      const result = await approveTranslations(opts.deck, ids);
      for (const id of result.approved) process.stderr.write(`  approved ${id}\n`);
      process.stderr.write(`${result.approved.length} segment(s) approved in ${displayPath(result.file)}\n`);
      process.stdout.write(`${result.file}\n`);
    });
}
