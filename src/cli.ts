import { Command, CommanderError } from 'commander';
import { registerApprove } from './commands/approve.js';
import { registerBuild } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { registerInit } from './commands/init.js';
import { registerSchema } from './commands/schema.js';
import { registerServe } from './commands/serve.js';
import { registerXliff } from './commands/xliff.js';
import { BideckError, ExitCode } from './errors.js';
import { packageVersion } from './pipeline/assets.js';

const EXIT_CODES = `
Exit codes:
  0 ok              1 internal error (a bug)   2 wrong usage
  3 invalid data    4 template error           5 no browser found
  6 PDF export failed   7 QA findings          8 cannot write output
  9 a text too long for any slide (nothing written)
  130 / 143 / 129 stopped by Ctrl-C / SIGTERM / SIGHUP (nothing written)`;

function program(version: string): Command {
  const cmd = new Command('bideck')
    .description('Bilingual (繁體中文 / English) briefing decks from structured data: reveal.js HTML and PDF.')
    .version(version, '-V, --version', 'print the version of bideck')
    .exitOverride()
    .showHelpAfterError()
    .addHelpText('after', EXIT_CODES);
  registerInit(cmd);
  registerBuild(cmd);
  registerCheck(cmd);
  registerServe(cmd);
  registerSchema(cmd);
  registerXliff(cmd);
  registerApprove(cmd);
  return cmd;
}

/** Run the CLI; returns the exit code instead of exiting, so tests can call it in-process. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await program(await packageVersion()).parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with code 0; anything else commander rejects is usage.
      return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (e instanceof BideckError) {
      process.stderr.write(`error: ${e.format()}\n`);
      return e.exitCode;
    }
    process.stderr.write(`internal error (please report it): ${(e as Error).stack ?? String(e)}\n`);
    return ExitCode.internal;
  }
}
