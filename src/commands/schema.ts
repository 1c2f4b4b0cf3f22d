import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { jsonSchemas } from '../schema/json.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('write the JSON Schemas of decks and brands (for editor completion)')
    .option('-o, --out <dir>', 'folder to write into', 'data/schema')
    .action(async (opts: { out: string }) => {
      await mkdir(opts.out, { recursive: true });
      for (const [name, schema] of Object.entries(jsonSchemas())) {
        const file = join(opts.out, `${name}.schema.json`);
        await writeFile(file, `${JSON.stringify(schema, null, 2)}\n`);
        process.stdout.write(`${file}\n`);
      }
    });
}
