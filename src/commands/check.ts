import { Option } from 'commander';
import type { Command } from 'commander';
import { RULES, checkFailed, formatFinding } from '../check/index.js';
import type { Finding } from '../check/index.js';
import { BideckError } from '../errors.js';
import { DEFAULT_DECK, parseModes } from './io.js';

const RULE_HELP = `\nRules:\n${RULES.map((r) => `  ${r.id.padEnd(20)} ${r.summary}`).join('\n')}`;

interface CheckOpts {
  strict?: boolean;
  json?: boolean;
  /** undefined: measure when a browser is found; true: must measure; false: skip. */
  overflow?: boolean;
  modes: string;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('QA the deck for translators: missing translations, amounts, glossary terms, typography, overflowing slides')
    .argument('[deck]', 'deck YAML file', DEFAULT_DECK)
    .option('--strict', 'exit with code 7 when there is any finding')
    .option('--json', 'print the findings as JSON ({ findings: [...] }) on stdout')
    .option('--overflow', 'measure overflowing slides in the browser; fail (exit 5) without one (default: when one is found)')
    .option('--no-overflow', 'do not measure overflowing slides (no browser needed)')
    .addOption(new Option('--modes <list>', 'language modes to measure for overflow: bi, zh, en').default('bi,zh,en'))
    .addHelpText('after', RULE_HELP)
    .action(async (deck: string, opts: CheckOpts) => {
      const { checkDeck } = await import('../pipeline/check.js');
      const result = await checkDeck({
        deckPath: deck,
        overflow: opts.overflow === undefined ? 'auto' : opts.overflow ? 'require' : 'skip',
        modes: parseModes(opts.modes),
        strict: opts.strict ?? false,
      }).catch((e: unknown) => {
        // A tool reading --json gets the reason on stdout too, shaped like a finding.
        if (opts.json && e instanceof BideckError) process.stdout.write(`${JSON.stringify({ error: errorAsFinding(e) }, null, 2)}\n`);
        throw e;
      });
      const { findings } = result;
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ findings, overflowMeasured: result.overflowMeasured }, null, 2)}\n`);
      } else {
        for (const f of findings) process.stdout.write(`${f.severity}: ${formatFinding(f)}\n`);
      }
      if (!result.overflowMeasured && opts.overflow === undefined) {
        process.stderr.write('note: overflowing slides were not measured: no Chrome, Edge or Chromium found (use --overflow to require it)\n');
      }
      const n = findings.length;
      if (opts.strict && n > 0) throw checkFailed(findings, '', false);
      process.stderr.write(n === 0 ? 'no problems found\n' : `${n} problem${n === 1 ? '' : 's'} found\n`);
    });
}

/** An error that stopped the check, with a finding's fields (rule, severity, slide, location, path, message). */
function errorAsFinding(e: BideckError): Finding & { details: readonly string[]; exitCode: number } {
  return {
    rule: e.kind === 'data' ? 'invalid-data' : e.kind,
    severity: 'error',
    slide: 0,
    ...(e.location ? { location: e.location } : {}),
    ...(e.path ? { path: e.path } : {}),
    message: e.message,
    details: e.details,
    exitCode: e.exitCode,
  };
}
