import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.js';
import { exportUnits, exportXliff, importXliff, readXliff, writeXliff } from '../../src/xliff/index.js';
import { ROOT } from '../helpers/seed.js';
import { changedLines, tempDeck } from './temp.js';

const STYLES = join(ROOT, 'test', 'fixtures', 'xliff-styles', 'deck.yaml');

describe('XLIFF export', () => {
  it('writes one unit per segment with source zh-Hant-HK, target en, slide and area notes, and a state', async () => {
    const { xml, units, project } = await exportXliff(tempDeck());
    const { model } = project;
    expect(units).toBe(model.segments.filter((s) => s.text.zh !== '').length);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh-Hant-HK" trgLang="en">/);
    // slide 5 holds the iAM Smart funding line, in area 1
    const unit = /<unit id="ai-and-iam-smart\.iam-smart\.funding">[\s\S]*?<\/unit>/.exec(xml)?.[0];
    expect(unit).toBe(`<unit id="ai-and-iam-smart.iam-smart.funding">
      <notes>
        <note category="slide">5</note>
        <note category="area">1. 發展數碼基建、推動數碼轉型</note>
        <note category="kind">funding</note>
      </notes>
      <segment state="translated">
        <source>預留約2億元</source>
        <target>Earmark ~$200M</target>
      </segment>
    </unit>`);
    expect(readXliff(xml, 'x.xlf').map((u) => u.id)).toEqual(model.segments.map((s) => s.id));
  });

  it('marks an untranslated segment initial, without a target, and a shared name translate="no"', async () => {
    const { xml } = await exportXliff(STYLES);
    expect(/<unit id="statement\.p3">[\s\S]*?<\/unit>/.exec(xml)?.[0]).toContain('<segment state="initial">\n        <source>尚未翻譯</source>\n      </segment>');
    const { model } = await loadProject(STYLES);
    const seg = model.segments.find((s) => s.id === 'content.i1.title');
    if (seg) seg.text = { ...seg.text, shared: true };
    expect(writeXliff({ id: 'x', original: 'deck.yaml', units: exportUnits(model) })).toContain('<unit id="content.i1.title" translate="no">');
  });

  it('escapes markup and keeps characters an XML parser would change', () => {
    const texts = ['R&amp;D <b>', 'a]]>b', 'tab\there', 'CR\r\nLF', ' lead and trail ', '"quotes" \'both\'', '**bold** 中文'];
    const units = texts.map((t, i) => ({ id: `u${i}`, source: t, target: t, state: 'translated' as const, shared: false, notes: [] }));
    const back = readXliff(writeXliff({ id: 'x', original: 'a&b"', units }), 'x.xlf');
    expect(back.map((u) => u.source)).toEqual(texts);
    expect(back.map((u) => u.target)).toEqual(texts);
  });
});

describe('XLIFF round trip', () => {
  it('export then import with no edits leaves the seed byte-identical and does not rewrite it', async () => {
    const deck = tempDeck();
    const before = readFileSync(deck);
    const mtime = statSync(deck).mtimeMs;
    const xlf = join(deck, '..', 'out.xlf');
    writeFileSync(xlf, (await exportXliff(deck)).xml);
    const result = await importXliff(xlf, deck);
    expect(result.changes).toEqual([]);
    expect(result.written).toBe(false);
    expect(readFileSync(deck).equals(before)).toBe(true);
    expect(statSync(deck).mtimeMs).toBe(mtime);
  });

  it('is byte-identical for a deck written in every YAML style', async () => {
    const deck = tempDeck(STYLES);
    const before = readFileSync(deck, 'utf8');
    const xlf = join(deck, '..', 'out.xlf');
    writeFileSync(xlf, (await exportXliff(deck)).xml);
    expect((await importXliff(xlf, deck)).written).toBe(false);
    expect(readFileSync(deck, 'utf8')).toBe(before);
  });

  it('imports a translator-edited file into the right fields, changing only those lines', async () => {
    const deck = tempDeck();
    const before = readFileSync(deck, 'utf8');
    const xlf = join(deck, '..', 'translated.xlf');
    // Edited as text, the way a translator's tool hands it back.
    const xml = (await exportXliff(deck)).xml
      .replace('<target>Earmark ~$200M</target>', '<target>Earmark about $200 million</target>')
      .replace('<target>Opening: how the measures follow the Hong Kong I&amp;T Development Blueprint.</target>', '<target>Opening: true to the I&amp;T Blueprint</target>')
      .replace('<target>Develop Hong Kong into an\ninternational I&amp;T centre</target>', '<target>Make Hong Kong\nan international\nI&amp;T centre</target>');
    writeFileSync(xlf, xml);
    const result = await importXliff(xlf, deck);
    expect(result.changes.map((c) => c.unit)).toEqual(['opening.notes', 'ai-and-iam-smart.iam-smart.funding', 'closing.message']);
    expect(result.written).toBe(true);

    const { model } = await loadProject(deck);
    const en = (id: string) => model.segments.find((s) => s.id === id)?.text.en;
    expect(en('ai-and-iam-smart.iam-smart.funding')).toBe('Earmark about $200 million');
    expect(en('opening.notes')).toBe('Opening: true to the I&T Blueprint');
    expect(en('closing.message')).toBe('Make Hong Kong\nan international\nI&T centre');
    expect(en('opening.heading')).toBe('International I&T Centre');

    const after = readFileSync(deck, 'utf8');
    const comments = (t: string) => t.split('\n').filter((l) => l.trimStart().startsWith('#'));
    expect(comments(after)).toEqual(comments(before));
    // Only the changed scalars' own lines differ; the block text gained one line.
    const [head, tail] = [before.split('\n'), after.split('\n')];
    expect(tail.length).toBe(head.length + 1);
    const closing = head.findIndex((l) => l.includes('Develop Hong Kong into an'));
    const at = (text: string) => head.findIndex((l) => l.includes(text)) + 1;
    expect(changedLines(head.slice(0, closing).join('\n'), tail.slice(0, closing).join('\n'))).toEqual([
      [at('Opening: how'), '      en: "Opening: how the measures follow the Hong Kong I&T Development Blueprint."', '      en: "Opening: true to the I&T Blueprint"'],
      [at('en: Earmark ~$200M'), '              en: Earmark ~$200M', '              en: Earmark about $200 million'],
    ]);
    expect(tail.slice(closing)).toEqual(['        Make Hong Kong', '        an international', '        I&T centre', ...head.slice(closing + 2)]);
  });

  it('writes each style back in its own style, and adds English to notes written in Chinese only', async () => {
    const deck = tempDeck(STYLES);
    const before = readFileSync(deck, 'utf8');
    const { model } = await loadProject(deck);
    const targets: Record<string, string> = {
      'meta.title': 'New title',
      'meta.organisation': "Bureau's name",
      'statement.heading': 'Heading: with a colon',
      'statement.p1': 'One\nTwo\nThree',
      'statement.p2': 'Now one line',
      'statement.p3': 'Translated at last',
      'statement.notes': 'English notes',
      'content.i1.p1': 'true',
      'content.i1.funding': 'Earmark $200 million',
    };
    const units = exportUnits(model).map((u) => {
      const target = targets[u.id];
      return target === undefined ? u : { ...u, target };
    });
    const xlf = join(deck, '..', 'translated.xlf');
    writeFileSync(xlf, writeXliff({ id: 'xliff-styles', original: 'deck.yaml', units }));
    await importXliff(xlf, deck);

    const after = readFileSync(deck, 'utf8');
    const reloaded = await loadProject(deck);
    for (const [id, value] of Object.entries(targets)) {
      expect(reloaded.model.segments.find((s) => s.id === id)?.text.en, id).toBe(value);
    }
    const removed = before.split('\n').filter((l) => !after.split('\n').includes(l));
    const added = after.split('\n').filter((l) => !before.split('\n').includes(l));
    expect(removed).toEqual([
      '  title: {zh: 標題, en: Title}            # flow mapping',
      "    en: 'Innovation, Technology and Industry Bureau'   # single-quoted",
      '      en: "International I&T Centre"   # double-quoted',
      '          First line',
      '          second line',
      '          A folded paragraph',
      '          on two source lines',
      '        en: ""',
      '                en: A point',
      '              en: Earmark $200M',
    ]);
    expect(added).toEqual([
      '  title: {zh: 標題, en: New title}            # flow mapping',
      "    en: 'Bureau''s name'   # single-quoted",
      '      en: "Heading: with a colon"   # double-quoted',
      '          One',
      '          Two',
      '          Three',
      '          Now one line',
      '        en: "Translated at last"',
      '      en: English notes',
      '                en: "true"',
      '              en: Earmark $200 million',
    ]);
    expect(after).toContain('      zh: 只有中文的講者備註   # notes in Chinese only: import adds the en key\n      en: English notes\n    # a comment after the notes\n');
  });
});
