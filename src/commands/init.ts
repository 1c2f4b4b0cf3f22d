import type { Command } from 'commander';
import { displayPath } from '../load/files.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('start a new deck: deck.yaml and glossary.yaml in the folder (never over existing files)')
    .argument('[folder]', 'folder for the new deck', '.')
    .action(async (folder: string) => {
      const { initDeck } = await import('../scaffold/init.js');
      const result = await initDeck(folder);
      for (const f of result.files) process.stdout.write(`${f}\n`);
      const deck = shellWord(displayPath(result.files[0] ?? 'deck.yaml'));
      const out = shellWord(`${displayPath(result.folder)}/dist`);
      process.stderr.write(
        [
          `A new deck is in ${displayPath(result.folder)}. Next:`,
          `  bideck serve ${deck}          preview it in the browser while you edit`,
          `  bideck check ${deck} --strict  what a translator or reviewer would flag`,
          `  bideck build ${deck} --out ${out}   the HTML decks, PDFs and review page`,
          '',
        ].join('\n'),
      );
    });
}

/** A path as it can be pasted into a shell. */
function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}
