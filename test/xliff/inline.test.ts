import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BideckError } from '../../src/errors.js';
import { exportXliff, importXliff } from '../../src/xliff/index.js';
import { fromInline, toInline } from '../../src/xliff/inline.js';
import { tempDeck } from './temp.js';

/** Issue 12 point 3: bold and italic travel as XLIFF 2.0 inline codes, and come back as written. */
describe('inline codes', () => {
  let deck: string;
  let xml: string;
  let before: Buffer;
  const unit = (id: string) => new RegExp(`<unit id="${id.replace(/\./g, '\\.')}">[\\s\\S]*?</unit>`).exec(xml)?.[0] ?? '';

  beforeAll(async () => {
    deck = tempDeck();
    const text = readFileSync(deck, 'utf8')
      .replace('to set up thematic research centres to support', 'to set up **thematic research centres** to support')
      .replace('en: San Tin Technopole', 'en: "__San Tin Technopole__"')
      .replace('zh: "**新田科技城**"', 'zh: "__新田科技城__"');
    writeFileSync(deck, text);
    before = readFileSync(deck);
    xml = (await exportXliff(deck)).xml;
  });

  it('writes **bold** as <pc> with id, type, subType, dataRef and disp, and the marker in <originalData>', () => {
    const u = unit('research-institutes.life-health-institutes.p1');
    expect(u).toContain('<originalData>\n        <data id="d1">**</data>\n      </originalData>');
    expect(u).toContain('<source>資助大學和科研機構設立<pc id="1" type="fmt" subType="xlf:b" dataRefStart="d1" dataRefEnd="d1" dispStart="**" dispEnd="**">主題研究院</pc>，支持');
    expect(u).toContain('to set up <pc id="1" type="fmt" subType="xlf:b" dataRefStart="d1" dataRefEnd="d1" dispStart="**" dispEnd="**">thematic research centres</pc> to support');
    // Every code in the file carries what XLIFF 2.0 and CAT tools need.
    const codes = xml.match(/<pc [^>]*>/g) ?? [];
    expect(codes.length).toBeGreaterThan(3);
    for (const c of codes) expect(c).toMatch(/^<pc id="\d+" type="fmt" subType="xlf:[bi]" dataRefStart="d\d" dataRefEnd="d\d" dispStart="[*_]+" dispEnd="[*_]+">$/);
    expect(xml).not.toMatch(/<(source|target)>[^<]*\*\*/);
  });

  it('round-trips byte-identically, __ and ** as written', async () => {
    const file = join(deck, '..', 'same.xlf');
    writeFileSync(file, xml);
    const result = await importXliff(file, deck);
    expect(result.changes).toEqual([]);
    expect(readFileSync(deck).equals(before)).toBe(true);
  });

  it('a translator may move a code; it comes back as the marker it stands for', async () => {
    const file = join(deck, '..', 'moved.xlf');
    writeFileSync(file, xml.replace('<target><pc id="1" type="fmt" subType="xlf:b" dataRefStart="d1" dataRefEnd="d1" dispStart="__" dispEnd="__">San Tin Technopole</pc></target>', '<target>San Tin <pc id="1" type="fmt" subType="xlf:b" dataRefStart="d1" dataRefEnd="d1" dispStart="__" dispEnd="__">Technopole</pc></target>'));
    const result = await importXliff(file, deck, { dryRun: true });
    expect(result.changes.map((c) => c.after)).toEqual(['San Tin __Technopole__']);
  });

  async function refused(content: string): Promise<string> {
    const file = join(deck, '..', 'bad.xlf');
    writeFileSync(file, content);
    const e = await importXliff(file, deck).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(BideckError);
    expect(readFileSync(deck).equals(before)).toBe(true);
    return (e as BideckError).format();
  }
  const target = 'to set up <pc id="1" type="fmt" subType="xlf:b" dataRefStart="d1" dataRefEnd="d1" dispStart="**" dispEnd="**">thematic research centres</pc> to support';

  it('a dropped code is a located error', async () => {
    const msg = await refused(xml.replace(target, 'to set up new thematic research centres to support'));
    expect(msg).toMatch(/bad\.xlf:\d+:\d+: unit "research-institutes\.life-health-institutes\.p1": the target drops inline code 1 of the source \(bold or italic\); put it back around the words it marks; nothing was written$/);
  });

  it('an extra code is a located error', async () => {
    const msg = await refused(xml.replace(target, `${target.replace(' to support', '')} <pc id="2" type="fmt" subType="xlf:b" dataRefStart="d1" dataRefEnd="d1">to</pc> support`));
    expect(msg).toMatch(/bad\.xlf:\d+:\d+: unit "research-institutes\.life-health-institutes\.p1": the target has an inline code \(id 2\) the source does not have/);
  });

  it('a repeated code is a located error', async () => {
    const pc = '<pc id="1" type="fmt" subType="xlf:b" dataRefStart="d1" dataRefEnd="d1" dispStart="**" dispEnd="**">';
    const msg = await refused(xml.replace(target, `to set up ${pc}thematic</pc> ${pc}research centres</pc> to support`));
    expect(msg).toMatch(/bad\.xlf:\d+:\d+: unit "research-institutes\.life-health-institutes\.p1": the target has inline code 1 twice/);
  });

  it('crossed codes are a located error, as <sc>/<ec> and as <pc>', async () => {
    const crossed = xml.replace(
      '<source>資助大學和科研機構設立<pc id="1" type="fmt" subType="xlf:b" dataRefStart="d1" dataRefEnd="d1" dispStart="**" dispEnd="**">主題研究院</pc>',
      '<source>資助大學和科研機構設立<sc id="1" dataRef="d1"/><sc id="2" dataRef="d1"/>主題<ec startRef="1"/>研究院<ec startRef="2"/>',
    );
    expect(await refused(crossed)).toMatch(/bad\.xlf:\d+:\d+: unit "research-institutes\.life-health-institutes\.p1": inline codes 2 and 1 cross in the source/);
    expect(await refused(xml.replace(target, 'to set up <pc id="1"><pc id="9">thematic</pc research centres</pc> to support'))).toMatch(/bad\.xlf:\d+:\d+: malformed XLIFF/);
  });

  it('text markdown-it does not read as emphasis stays text', () => {
    for (const t of ['snake_case_name', 'x ** y', '\\*not\\*', '**unclosed', '***both***', '**a *b* c**', '2*3*4']) {
      expect(fromInline(toInline(t))).toBe(t);
    }
    expect(toInline('snake_case_name')).toEqual(['snake_case_name']);
    expect(toInline('**a *b* c**')).toEqual([{ id: '1', kind: 'b', marker: '**', children: ['a ', { id: '2', kind: 'i', marker: '*', children: ['b'] }, ' c'] }]);
  });
});
