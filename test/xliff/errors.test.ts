import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BideckError } from '../../src/errors.js';
import { exportXliff, importXliff } from '../../src/xliff/index.js';
import { tempDeck } from './temp.js';

/** Every bad file is refused with a data error that says what is wrong, and the deck is untouched. */
describe('XLIFF import refuses bad files and writes nothing', () => {
  let deck: string;
  let xml: string;
  let before: Buffer;

  beforeAll(async () => {
    deck = tempDeck();
    xml = (await exportXliff(deck)).xml;
    before = readFileSync(deck);
  });

  async function refused(content: string): Promise<BideckError> {
    const file = join(deck, '..', 'bad.xlf');
    writeFileSync(file, content);
    const mtime = statSync(deck).mtimeMs;
    const error = await importXliff(file, deck).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BideckError);
    expect((error as BideckError).kind).toBe('data');
    expect(readFileSync(deck).equals(before)).toBe(true);
    expect(statSync(deck).mtimeMs).toBe(mtime);
    return error as BideckError;
  }

  // A good edit in the same file, so "nothing written" means the whole import was refused.
  const withGoodEdit = (s: string) => s.replace('<target>Earmark ~$200M</target>', '<target>Earmark about $200M</target>');

  it('an unknown unit id, named in the message', async () => {
    const e = await refused(withGoodEdit(xml.replace('<unit id="opening.p2">', '<unit id="opening.p9">')));
    expect(e.format()).toMatch(/bad\.xlf: unknown unit id "opening\.p9": .*deck\.yaml has no segment with that id; nothing was written$/);
  });

  it('a changed source, with both texts', async () => {
    const e = await refused(withGoodEdit(xml.replace('<source>預留約2億元</source>', '<source>預留約3億元</source>')));
    expect(e.message).toMatch(/^source of unit "ai-and-iam-smart\.iam-smart\.funding" changed since export: the file has "預留約3億元", .*deck\.yaml now has "預留約2億元"; export again; nothing was written$/);
  });

  it('every problem at once, not one per attempt', async () => {
    const e = await refused(xml.replace('<unit id="opening.p2">', '<unit id="x1">').replace('<unit id="overview.heading">', '<unit id="x2">'));
    expect(e.message).toContain('(2 problems)');
    expect(e.details).toEqual([expect.stringContaining('unknown unit id "x2"')]);
  });

  it('malformed XML, with the line it breaks on', async () => {
    const broken = withGoodEdit(xml).replace('</source>\n        <target>Earmark about', '</sourc>\n        <target>Earmark about');
    const e = await refused(broken);
    expect(e.message).toMatch(/^malformed XLIFF \(not well-formed XML\): unexpected close tag/);
    const line = broken.split('\n').findIndex((l) => l.includes('</sourc>')) + 1;
    expect(e.location).toMatchObject({ file: expect.stringMatching(/bad\.xlf$/), line });
  });

  it.each([
    ['not XML at all', 'just some text', /^malformed XLIFF/],
    ['an empty file', '', /^malformed XLIFF|^not an XLIFF file/],
    ['a truncated file', () => xml.slice(0, xml.indexOf('<unit id="closing.message">') + 40), /^malformed XLIFF \(not well-formed XML\): unclosed root tag/],
    ['an entity XML does not define', () => xmlWith('<target>Earmark ~$200M</target>', '<target>Earmark &nbsp;~$200M</target>'), /^malformed XLIFF \(not well-formed XML\): invalid character entity/],
    ['another XML document', '<?xml version="1.0"?><html><body/></html>', /^not an XLIFF file: expected the root element <xliff>, found <html>/],
    ['XLIFF 1.2', '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file/></xliff>', /^expected XLIFF 2\.0 .*found version "1\.2"/],
    ['swapped languages', () => xmlWith('srcLang="zh-Hant-HK" trgLang="en"', 'srcLang="en" trgLang="zh-Hant-HK"'), /^the source language is "en"/],
    ['a duplicated unit', () => xmlWith('<unit id="opening.p2">', '<unit id="opening.p1">'), /^unit "opening\.p1" appears twice/],
    ['an inline code the source does not have', () => xmlWith('<target>Earmark ~$200M</target>', '<target>Earmark <pc id="1">~$200M</pc></target>'), /^unit "ai-and-iam-smart\.iam-smart\.funding": the target has an inline code \(id 1\) the source does not have/],
    ['a unit without segment', () => xmlWith(/<segment state="translated">\s*<source>預留約2億元<\/source>\s*<target>Earmark ~\$200M<\/target>\s*<\/segment>/, ''), /^unit "ai-and-iam-smart\.iam-smart\.funding" has no <segment>/],
    ['an invisible control character in a target', () => xmlWith('<target>Earmark ~$200M</target>', '<target>Earmark \u202E~$200M</target>'), /^unit "ai-and-iam-smart\.iam-smart\.funding": English text contains an invisible control character \(U\+202E\)/],
  ] as const)('%s', async (_name, content, message) => {
    const e = await refused(typeof content === 'function' ? content() : content);
    expect(e.message).toMatch(message);
  });

  function xmlWith(from: string | RegExp, to: string): string {
    const out = xml.replace(from, to);
    expect(out).not.toBe(xml);
    return out;
  }
});

describe('XLIFF import, what counts as a translation', () => {
  it('accepts a unit split into several segments by a CAT tool, and ignores an empty target', async () => {
    const deck = tempDeck();
    const xml = (await exportXliff(deck)).xml
      .replace(
        /<segment state="translated">\s*<source>預留約2億元<\/source>\s*<target>Earmark ~\$200M<\/target>\s*<\/segment>/,
        '<segment><source>預留約</source><target>Earmark about </target></segment><ignorable><source>2</source></ignorable><segment><source>億元</source><target>$200 million</target></segment>',
      )
      .replace('<target>Digital Economy</target>', '<target></target>');
    const file = join(deck, '..', 'split.xlf');
    writeFileSync(file, xml);
    const result = await importXliff(file, deck);
    expect(result.changes).toEqual([{ unit: 'ai-and-iam-smart.iam-smart.funding', before: 'Earmark ~$200M', after: 'Earmark about 2$200 million' }]);
  });

  it('a dry run lists the changes and writes nothing', async () => {
    const deck = tempDeck();
    const before = readFileSync(deck);
    const file = join(deck, '..', 'dry.xlf');
    writeFileSync(file, (await exportXliff(deck)).xml.replace('<target>Digital Economy</target>', '<target>The Digital Economy</target>'));
    const result = await importXliff(file, deck, { dryRun: true });
    expect(result).toMatchObject({ written: false, changes: [{ unit: 'digital-economy.digital-economy.title', after: 'The Digital Economy' }] });
    expect(readFileSync(deck).equals(before)).toBe(true);
  });
});
