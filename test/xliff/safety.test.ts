import { lstatSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { snapshot } from '../helpers/tree.js';
import { tempDeck } from './temp.js';

/** Issue 10 point 4: the XLIFF commands never overwrite or weaken the deck. */
describe('xliff export and import lose nothing', () => {
  it('export -o refuses the deck, its glossary and its brand', async () => {
    const deck = tempDeck();
    const dir = join(deck, '..');
    const before = snapshot(dir);
    for (const target of [deck, join(dir, 'glossary.yaml'), join(dir, 'brands', 'hkgov.yaml')]) {
      const run = await runCli('xliff', 'export', deck, '-o', target, '--force');
      expect(run.code).toBe(ExitCode.usage);
      expect(run.stderr).toMatch(/^error: -o .* is .*\.yaml, which the deck is made of; write the XLIFF to its own file, e\.g\. -o itib-budget-2023-24\.xlf\n/);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('export -o replaces an older XLIFF file, but not another file unless --force', async () => {
    const deck = tempDeck();
    const dir = join(deck, '..');
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'my notes');
    const refused = await runCli('xliff', 'export', deck, '-o', notes);
    expect(refused.code).toBe(ExitCode.usage);
    expect(refused.stderr).toContain('already exists and is not an XLIFF file; choose another name, or add --force to replace it');
    expect(readFileSync(notes, 'utf8')).toBe('my notes');
    const xlf = join(dir, 'deck.xlf');
    expect((await runCli('xliff', 'export', deck, '-o', xlf)).code).toBe(ExitCode.ok);
    expect((await runCli('xliff', 'export', deck, '-o', xlf)).code).toBe(ExitCode.ok);
    expect((await runCli('xliff', 'export', deck, '-o', notes, '--force')).code).toBe(ExitCode.ok);
    expect(readFileSync(notes, 'utf8')).toMatch(/<xliff /);
  });

  it('import into a symlinked deck writes where the link points and keeps the link', async () => {
    const deck = tempDeck();
    const dir = join(deck, '..');
    const real = join(mkdtempSync(join(tmpdir(), 'bideck-real-')), 'real-deck.yaml');
    renameSync(deck, real);
    symlinkSync(real, deck);
    const xml = (await runCli('xliff', 'export', deck, '-o', '-')).stdout;
    const file = join(dir, 't.xlf');
    writeFileSync(file, xml.replace('<target>Cyberport</target>', '<target>Cyberport (HK)</target>'));
    expect((await runCli('xliff', 'import', file, deck)).code).toBe(ExitCode.ok);
    expect(lstatSync(deck).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toContain('en: Cyberport (HK)\n');
  });

  it('a blank target (spaces, a newline) never erases the English', async () => {
    const deck = tempDeck();
    const before = readFileSync(deck);
    const xml = (await runCli('xliff', 'export', deck, '-o', '-')).stdout;
    const file = join(deck, '..', 't.xlf');
    writeFileSync(file, xml.replace('<target>Cyberport</target>', '<target>  \n\t </target>'));
    const run = await runCli('xliff', 'import', file, deck);
    expect(run.code).toBe(ExitCode.ok);
    expect(run.stderr).toMatch(/no changes/);
    expect(readFileSync(deck).equals(before)).toBe(true);
  });
});
