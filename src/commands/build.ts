import { Option } from 'commander';
import type { Command } from 'commander';
import { DEFAULT_DECK, consoleReporter, parseModes, parseSeconds, untilSignal } from './io.js';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build the HTML decks and PDFs into the output folder')
    .argument('[deck]', 'deck YAML file', DEFAULT_DECK)
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('--no-pdf', 'write the HTML decks only (no browser needed)')
    .option('--timeout <seconds>', 'give up on a PDF export after this many seconds', '60')
    .option('--templates <dir>', 'folder of .hbs templates that replace bideck\'s own, file by file')
    .addOption(new Option('--modes <list>', 'language modes, comma-separated: bi, zh, en').default('bi,zh,en'))
    .option('--draft', 'untagged PDFs for quick proofs: faster on long decks, but not accessible; do not publish them')
    .option('--handout', 'also write <id>.handout.pdf: A4, two slides and their speaker notes a page')
    .option('-q, --quiet', 'print no stage lines or progress; warnings and errors only')
    .option('--force', 'write into a non-empty folder bideck did not make (only bideck\'s own files are replaced)')
    .option('--pptx', 'also write an editable PowerPoint of each mode: <id>.pptx, <id>.zh.pptx, <id>.en.pptx')
    .option('--strict', 'QA findings are errors: exit with code 7 and write nothing')
    .option('--slides <range>', 'only these slides in the PDFs and handout, e.g. 3-7, 3- or 1,3-5 (numbers stay the deck\'s)')
    .action(async (deck: string, opts: { out: string; pdf: boolean; modes: string; templates?: string; timeout: string; handout?: boolean; draft?: boolean; pptx?: boolean; slides?: string; strict?: boolean; force?: boolean; quiet?: boolean }) => {
      const start = performance.now();
      const quiet = opts.quiet === true;
      if (!quiet) process.stderr.write(`bideck build ${deck}\n`);
      const { build } = await import('../pipeline/build.js');
      const result = await untilSignal((signal) => build({
        signal,
        deckPath: deck,
        outDir: opts.out,
        pdf: opts.pdf,
        modes: parseModes(opts.modes),
        pdfTimeoutMs: parseSeconds(opts.timeout),
        ...(opts.templates ? { templatesDir: opts.templates } : {}),
        ...(opts.handout ? { handout: true } : {}),
        ...(opts.draft ? { draft: true } : {}),
        ...(opts.pptx ? { pptx: true } : {}),
        ...(opts.slides !== undefined ? { slides: opts.slides } : {}),
        strict: opts.strict ?? false,
        ...(opts.force ? { force: true } : {}),
        reporter: consoleReporter({ quiet }),
      }));
      for (const f of result.files) process.stdout.write(`${f}\n`);
      if (!quiet) process.stderr.write(`done in ${(performance.now() - start).toFixed(0)} ms\n`);
    });
}
