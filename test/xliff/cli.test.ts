import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { tempDeck } from './temp.js';

describe('bideck xliff', () => {
  it('export -o writes the file and prints its path; import of it changes nothing', async () => {
    const deck = tempDeck();
    const before = readFileSync(deck);
    const out = join(deck, '..', 'sub', 'deck.xlf');
    const exported = await runCli('xliff', 'export', deck, '-o', out);
    expect(exported).toMatchObject({ code: ExitCode.ok, stdout: `${out}\n` });
    expect(exported.stderr).toMatch(/^65 units from /);
    const imported = await runCli('xliff', 'import', out, deck);
    expect(imported).toMatchObject({ code: ExitCode.ok, stdout: '' });
    expect(imported.stderr).toMatch(/65 units, no changes; .*deck\.yaml left as it was\n$/);
    expect(readFileSync(deck).equals(before)).toBe(true);
  });

  it('export -o - prints the XLIFF to stdout', async () => {
    const { code, stdout } = await runCli('xliff', 'export', tempDeck(), '-o', '-');
    expect(code).toBe(ExitCode.ok);
    expect(stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<xliff /);
  });

  it('import lists each change and prints the deck it wrote; --dry-run writes nothing', async () => {
    const deck = tempDeck();
    const file = join(deck, '..', 't.xlf');
    const xml = (await runCli('xliff', 'export', deck, '-o', '-')).stdout;
    writeFileSync(file, xml.replace('<target>Cyberport</target>', '<target>Cyberport (HK)</target>'));
    const dry = await runCli('xliff', 'import', '--dry-run', file, deck);
    expect(dry.stderr).toContain('  hkstpc-and-cyberport.cyberport.title: "Cyberport" → "Cyberport (HK)"\n');
    expect(dry.stderr).toMatch(/1 translation\(s\) would be written to .*\(dry run\)/);
    expect(readFileSync(deck, 'utf8')).not.toContain('Cyberport (HK)');
    const real = await runCli('xliff', 'import', file, deck);
    expect(real).toMatchObject({ code: ExitCode.ok, stdout: `${deck}\n` });
    expect(readFileSync(deck, 'utf8')).toContain('              en: Cyberport (HK)\n');
  });

  it('a bad file exits with the data code and says why', async () => {
    const deck = tempDeck();
    const file = join(deck, '..', 'bad.xlf');
    writeFileSync(file, '<xliff');
    const { code, stderr } = await runCli('xliff', 'import', file, deck);
    expect(code).toBe(ExitCode.data);
    expect(stderr).toMatch(/^error: .*bad\.xlf:1:\d+: malformed XLIFF \(not well-formed XML\)/);
  });
});
