import type { Command } from 'commander';
import { BideckError } from '../errors.js';
import { DEFAULT_DECK } from './io.js';

interface ServeFlags {
  port: string;
  out: string;
  templates?: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('preview the deck at http://127.0.0.1:PORT/ and rebuild it on every save (Ctrl-C stops)')
    .argument('[deck]', 'deck YAML file', DEFAULT_DECK)
    .option('-p, --port <n>', 'port on 127.0.0.1; 0 picks a free one', '0')
    .option('-o, --out <dir>', 'folder for PDFs and PowerPoints made on demand (/pdf/bi.pdf, /pptx/bi.pptx); nothing else is written', 'dist')
    .option('--templates <dir>', 'folder of .hbs templates that replace bideck\'s own, file by file')
    .action(async (deck: string, opts: ServeFlags) => {
      const { serve } = await import('../serve/serve.js');
      const handle = await serve({
        deckPath: deck,
        port: parsePort(opts.port),
        outDir: opts.out,
        ...(opts.templates ? { templatesDir: opts.templates } : {}),
        log: (line) => process.stderr.write(`${line}\n`),
      });
      process.stderr.write(`bideck serve ${deck}: bilingual ${handle.url}  中文 ${handle.url}zh  English ${handle.url}en  PDF ${handle.url}pdf/bi.pdf  PowerPoint ${handle.url}pptx/bi.pptx\n`);
      process.stdout.write(`${handle.url}\n`);
      // Ctrl-C (SIGINT) or a service manager's SIGTERM: stop watching, end live pages, let a
      // PDF in progress finish, close. A second Ctrl-C does not wait: the process exits, and
      // its exit handler (export/browser.ts) kills any browser.
      let signals = 0;
      await new Promise<void>((stop) => {
        const onSignal = () => {
          signals += 1;
          if (signals === 1) return stop();
          process.stderr.write('stopped without waiting\n');
          process.exit(130);
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      });
      process.stderr.write('stopping\n');
      await handle.close();
    });
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new BideckError('usage', `--port expects a number from 0 to 65535, found "${value}"`);
  return n;
}
