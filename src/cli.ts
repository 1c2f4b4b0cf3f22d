import { Command, CommanderError, Option } from 'commander';
import { build } from './build/build.js';
import type { Reporter } from './build/log.js';
import { BideckError, ExitCode } from './errors.js';
import { MODES } from './render/deck.js';
import type { Mode } from './render/deck.js';

const DEFAULT_DECK = 'data/deck.yaml';

/** stderr for progress and problems, stdout for the result: `bideck build > files.txt` works. */
function consoleReporter(): Reporter {
  return {
    stage: (name, ms, detail) => process.stderr.write(`  ${name.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms${detail ? `  ${detail}` : ''}\n`),
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
  };
}

function parseModes(value: string): Mode[] {
  const modes = value.split(',').map((m) => m.trim());
  const bad = modes.filter((m) => !(MODES as readonly string[]).includes(m));
  if (bad.length) throw new BideckError('usage', `unknown mode ${bad.join(', ')}; expected bi, zh or en`);
  return modes as Mode[];
}

function program(): Command {
  const cmd = new Command('bideck')
    .description('Bilingual (繁體中文 / English) briefing decks from structured data: reveal.js HTML and PDF.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .addHelpText('after', `
Exit codes:
  0 ok   1 internal error   2 usage   3 invalid data   4 template error
  5 no browser   6 PDF export failed   7 QA findings (--strict)   8 cannot write output`);

  cmd
    .command('build')
    .description('build the HTML decks and PDFs into the output folder')
    .argument('[deck]', 'deck YAML file', DEFAULT_DECK)
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('--no-pdf', 'write the HTML decks only (no browser needed)')
    .addOption(new Option('--modes <list>', 'language modes, comma-separated: bi, zh, en').default('bi,zh,en'))
    .action(async (deck: string, opts: { out: string; pdf: boolean; modes: string }) => {
      const start = performance.now();
      process.stderr.write(`bideck build ${deck}\n`);
      const result = await build({ deckPath: deck, outDir: opts.out, pdf: opts.pdf, modes: parseModes(opts.modes), reporter: consoleReporter() });
      for (const [mode, ids] of Object.entries(result.overflowing)) {
        if (ids.length) process.stderr.write(`warning: ${mode} deck: slide(s) ${ids.join(', ')} overflow their box\n`);
      }
      for (const f of result.files) process.stdout.write(`${f}\n`);
      process.stderr.write(`done in ${(performance.now() - start).toFixed(0)} ms\n`);
    });
  return cmd;
}

/** Run the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await program().parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (e instanceof BideckError) {
      process.stderr.write(`error: ${e.format()}\n`);
      return e.exitCode;
    }
    process.stderr.write(`internal error (please report): ${(e as Error).stack ?? String(e)}\n`);
    return ExitCode.internal;
  }
}
