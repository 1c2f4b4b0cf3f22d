import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BideckError } from '../../src/errors.js';
import { check, glossaryOf, messages } from '../helpers/check.js';
import { runCli } from '../helpers/cli.js';

const rule = 'glossary-mismatch';
const glossary = glossaryOf({
  terms: [
    { zh: '數碼港', en: 'Cyberport' },
    { zh: ['香港科技園公司', '科技園公司'], en: ['Hong Kong Science and Technology Park Corporation', 'HKSTPC'] },
    { zh: '人工智能', en: ['Artificial Intelligence', 'AI'] },
    { zh: '中小企', en: ['SMEs', 'SME'] },
    { zh: '國際創新科技中心', en: 'international I&T centre' },
    { zh: '科技園', en: 'Science Park' },
  ],
});
const run = (zh: string, en: string, shared?: boolean) => check(rule, { zh, en, ...(shared ? { shared } : {}) }, { glossary });

describe('glossary-mismatch', () => {
  it.each([
    ['由數碼港推行', 'To be launched by the port', 'The Chinese says 數碼港 but the English does not say "Cyberport" (glossary).'],
    ['由港推行', 'To be launched by Cyberport', 'The English says "Cyberport" but the Chinese does not say 數碼港 (glossary).'],
    ['科技園公司分別投放4億元', 'The park corporation injects $400M', 'The Chinese says 科技園公司 but the English does not say "Hong Kong Science and Technology Park Corporation" or "HKSTPC" (glossary).'],
    ['投放4億元', 'HKSTPC to inject $400M', 'The English says "HKSTPC" but the Chinese does not say 香港科技園公司 or 科技園公司 (glossary).'],
    ['推動量子科技', 'such as AI and quantum technology', 'The English says "AI" but the Chinese does not say 人工智能 (glossary).'],
    ['協助企業', 'Assist SMEs', 'The English says "SMEs" but the Chinese does not say 中小企 (glossary).'],
  ])('flags %s / %s', (zh, en, message) => {
    expect(messages(run(zh, en))).toEqual([message]);
  });

  it('names the language to fix', () => {
    expect(run('由數碼港推行', 'To be launched')[0]).toMatchObject({ rule, segment: 's.i.p1', lang: 'en', path: 'areas[0].slides[0].initiatives[0].points[0].en' });
  });

  it.each([
    ['由數碼港推行', 'To be launched by Cyberport'],
    ['香港科技園公司', 'Hong Kong Science and Technology Park Corporation'],
    ['香港科技園公司', 'HKSTPC'], // either spelling of the term
    ['科技園公司分別投放4億及1.1億元', 'HKSTPC to inject $400M and $110M respectively'],
    // 科技園公司 inside 香港科技園公司 is that term, not also the shorter 科技園 (Science Park)
    ['香港科技園公司', 'Hong Kong Science and Technology Park Corporation'],
    ['支持數碼港的計劃', 'Support Cyberport’s programme'],
    ['「數碼港Web3基地」', '“Web3 Hub@Cyberport”'],
    ['推動人工智能產業', 'development of AI industries'],
    ['推動產業', 'Aid the main industries; said to maintain jobs'], // "AI" only as a word, in capitals
    ['推動產業', 'ai and Ai are not the abbreviation'],
    ['建設香港成為\n國際創新科技中心', 'Develop Hong Kong into an\ninternational I&T centre'], // line breaks, any case
    ['國際創新科技中心', 'International I&T Centre'],
    ['協助中小企', 'Assist an SME'],
    ['數碼港', 'Cyberport 數碼港', true], // shared pairs are not compared
  ])('does not flag %j / %j', (zh: string, en: string, shared?: boolean) => {
    expect(run(zh, en, shared)).toEqual([]);
  });

  it('is silent without a glossary', () => {
    expect(check(rule, { zh: '由數碼港推行', en: 'To be launched' })).toEqual([]);
  });
});

describe('the glossary file', () => {
  it('accepts one spelling or a list, and names', () => {
    const g = glossaryOf({ terms: [{ zh: '數碼港', en: 'Cyberport' }, { zh: ['科技園公司'], en: ['HKSTPC', 'Hong Kong Science and Technology Park Corporation'] }], names: ['Web3'] });
    expect(g.terms.map((t) => [t.zh, t.en])).toEqual([
      [['數碼港'], ['Cyberport']],
      [['科技園公司'], ['HKSTPC', 'Hong Kong Science and Technology Park Corporation']],
    ]);
    expect(g.names).toEqual(['Web3']);
  });

  it('refuses a spelling in two terms, saying where', () => {
    const bad = () => glossaryOf({ terms: [{ zh: '科技園公司', en: 'HKSTPC' }, { zh: '香港科技園公司', en: ['HKSTPC'] }] });
    expect(bad).toThrow(BideckError);
    expect(bad).toThrow('"HKSTPC" is already a spelling of terms[0]; a spelling may belong to one term only');
    try {
      bad();
    } catch (e) {
      expect((e as BideckError).format()).toMatch(/^glossary\.yaml:\d+:\d+ terms\[1\]\.en\[0\]: /);
    }
  });

  it('is loaded with the deck, and a broken one stops it with exit code 3', async () => {
    const run = await runCli('check', join('test', 'fixtures', 'check', 'bad-glossary', 'deck.yaml'), '--no-overflow');
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('error: test/fixtures/check/bad-glossary/glossary.yaml:4:9 terms[0].en: expected a term or a list of its spellings, found the number 5');
  });
});
