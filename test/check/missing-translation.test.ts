import { describe, expect, it } from 'vitest';
import { check, glossaryOf, messages } from '../helpers/check.js';

const rule = 'missing-translation';
const glossary = glossaryOf({ terms: [], names: ['Web3'] });

describe('missing-translation', () => {
  it.each([
    [{ zh: '要點', en: '' }, 'The English translation is empty; the Chinese reads “要點”.'],
    [{ zh: '要點', en: '   ' }, 'The English translation is empty; the Chinese reads “要點”.'],
    [{ zh: '', en: 'Point' }, 'The Chinese text is empty; the English reads “Point”.'],
    [{ zh: ' \n ', en: 'Point' }, 'The Chinese text is empty; the English reads “Point”.'],
    [{ zh: '數字化經濟', en: '數字化經濟' }, 'The English is the same as the Chinese (“數字化經濟”): it has not been translated.'],
    [{ zh: 'Digital Economy', en: 'Digital Economy' }, expect.stringMatching(/^The Chinese is the same as the English \(“Digital Economy”\): it has not been translated/)],
    [{ zh: 'Digital Economy', en: 'The digital economy' }, 'The Chinese text has no Chinese in it (“Digital Economy”); has it been translated?'],
    [{ zh: '數字化經濟', en: '數字化經濟發展' }, 'The English text is in Chinese (“數字化經濟發展”); has it been translated?'],
  ])('flags %j', (pair, message) => {
    const found = check(rule, pair, { glossary });
    expect(messages(found)).toEqual([message]);
  });

  it('says which language to fix and where', () => {
    const [f] = check(rule, { zh: '要點', en: '' });
    expect(f).toMatchObject({ rule, slide: 2, segment: 's.i.p1', lang: 'en', path: 'areas[0].slides[0].initiatives[0].points[0].en' });
    expect(f?.location).toMatchObject({ file: 'deck.yaml' });
    expect(f?.location?.line).toBeGreaterThan(1);
  });

  it.each([
    { zh: '由數碼港推行', en: 'To be launched by Cyberport' },
    { zh: 'Web3', en: 'Web3' }, // a name from the glossary's names
    { zh: 'Web3 (2023)', en: 'Web3 (2023)' },
    { zh: '2023-24', en: '2023-24' }, // numbers and symbols only
    { zh: '1:1', en: '1:1' },
    { zh: 'iAM Smart', en: 'iAM Smart', shared: true }, // marked as one name for both
    { zh: '抓緊第三代互聯網(Web3)技術革新', en: 'Seize the golden opportunity brought by Web3' },
    { zh: '「數碼港Web3基地」', en: '“Web3 Hub@Cyberport”' },
    { zh: '**數碼港**', en: '**Cyberport**' },
  ])('does not flag %j', (pair) => {
    expect(check(rule, pair, { glossary })).toEqual([]);
  });
});
