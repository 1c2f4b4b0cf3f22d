import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BideckError, ExitCode } from '../../src/errors.js';
import { parseYaml } from '../../src/load/yaml.js';
import { runCli } from '../helpers/cli.js';
import { INVALID_DIR } from '../helpers/invalid.js';

/** Issue 12 point 5: messages a translator can act on. */
describe('YAML messages', () => {
  const error = (text: string) => {
    try {
      parseYaml('deck.yaml', text);
    } catch (e) {
      if (e instanceof BideckError) return e.format();
    }
    return undefined;
  };

  it.each([
    ['a:\n  en: Note: something here\n', 'deck.yaml:2:7: invalid YAML: the text of "en" has a colon followed by a space, which YAML reads as a new key; put the text in quotes: en: "Note: something here"'],
    ['a:\n  - zh: 中文\n    en: Budget: $5M\n', 'deck.yaml:3:9: invalid YAML: the text of "en" has a colon followed by a space, which YAML reads as a new key; put the text in quotes: en: "Budget: $5M"'],
    ['a:\n  - en: Funding: "up to" $5M\n', 'deck.yaml:2:9: invalid YAML: the text of "en" has a colon followed by a space, which YAML reads as a new key; put the text in quotes: - en: "Funding: \\"up to\\" $5M"'],
  ])('an unquoted colon says to quote the text, and how: %j', (text, message) => {
    expect(error(text)).toBe(message);
  });

  it('a tab gives one error, not its knock-on ones', () => {
    expect(error('a:\n\tb: 1\n  c: 2\n')).toBe('deck.yaml:2:1: invalid YAML: Tabs are not allowed as indentation; indent with spaces');
  });

  it('check --json on invalid data prints { error } on stdout with the fields of a finding', async () => {
    const run = await runCli('check', '--json', '--no-overflow', join(INVALID_DIR, 'negative-amount', 'deck.yaml'));
    expect(run.code).toBe(ExitCode.data);
    const { error: e } = JSON.parse(run.stdout) as { error: Record<string, unknown> };
    expect(e).toMatchObject({
      rule: 'invalid-data',
      severity: 'error',
      slide: 0,
      location: { line: 22, column: 25 },
      path: 'areas[0].slides[0].initiatives[0].funding.amounts[0]',
      message: 'expected a positive amount',
    });
    expect(Object.keys(e)).toEqual(expect.arrayContaining(['rule', 'severity', 'slide', 'location', 'path', 'message']));
  });
});
