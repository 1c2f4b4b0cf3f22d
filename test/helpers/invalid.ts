import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, readFileSync, readdirSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from './seed.js';

export const INVALID_DIR = join(ROOT, 'test', 'fixtures', 'invalid');

export interface InvalidCase {
  name: string;
  /** CLI arguments after `build` (deck path, and `--templates` when the case has templates/). */
  args: string[];
  /** The case's folder (deck and data), to check nothing in it changed. */
  dir: string;
  /** The first line the user sees after `error: `. */
  error: string;
  exit: number;
}

interface Expected {
  error: string;
  exit: number;
  /** Inputs too large or too odd to commit: made in a temp copy of the case. */
  setup?: 'big-file' | 'symlink-brand' | 'big-image' | 'device-deck' | 'fifo-glossary';
}

/**
 * Each folder under test/fixtures/invalid/ holds deck.yaml and expected.json (and maybe
 * templates/). `{dir}` in the expected error stands for the folder as the CLI prints it.
 */
export function invalidCases(): InvalidCase[] {
  return readdirSync(INVALID_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const expected = JSON.parse(readFileSync(join(INVALID_DIR, d.name, 'expected.json'), 'utf8')) as Expected;
      const dir = expected.setup ? prepare(d.name, expected.setup) : join(INVALID_DIR, d.name);
      const shown = relative(process.cwd(), dir).startsWith('..') ? dir : relative(process.cwd(), dir);
      const args = [join(shown, 'deck.yaml')];
      if (existsSync(join(dir, 'templates'))) args.push('--templates', join(shown, 'templates'));
      return { name: d.name, dir, args, error: expected.error.replaceAll('{dir}', shown), exit: expected.exit };
    });
}

function prepare(name: string, setup: NonNullable<Expected['setup']>): string {
  const dir = join(mkdtempSync(join(tmpdir(), `bideck-${name}-`)), name);
  cpSync(join(INVALID_DIR, name), dir, { recursive: true });
  if (setup === 'big-file') {
    // 10 MB of valid YAML comments after the deck: refused before it is parsed.
    const deck = readFileSync(join(dir, 'deck.yaml'), 'utf8');
    writeFileSync(join(dir, 'deck.yaml'), deck + `# ${'x'.repeat(1022)}\n`.repeat(10 * 1024));
  } else if (setup === 'big-image') {
    // A 20 MB camera original: a real PNG signature, then padding. Refused before it is read.
    const png = Buffer.alloc(20 * 1024 * 1024);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
    writeFileSync(join(dir, 'photo.png'), png);
  } else if (setup === 'symlink-brand') {
    // A brand that is a link to a file outside the deck's folder.
    symlinkSync(join(ROOT, 'package.json'), join(dir, 'brand.yaml'));
  } else if (setup === 'device-deck') {
    // An endless device as the deck: refused before a byte is read (it used to grow memory).
    rmSync(join(dir, 'deck.yaml'));
    symlinkSync('/dev/zero', join(dir, 'deck.yaml'));
  } else {
    // A named pipe nobody writes to as the glossary: refused before it is opened (it used to hang).
    execFileSync('mkfifo', [join(dir, 'glossary.yaml')]);
  }
  return dir;
}
