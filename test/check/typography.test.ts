import { describe, expect, it } from 'vitest';
import { check, messages } from '../helpers/check.js';

const rule = 'typography';
const zh = (text: string) => messages(check(rule, { zh: text, en: 'Point' }));
const en = (text: string) => messages(check(rule, { zh: '要點', en: text }));

describe('typography: brackets and quotes', () => {
  it.each([
    ['推動「新型工業化', 'In the Chinese, 「 is opened but not closed with 」 (推動「新型工業化).'],
    ['推動新型工業化」', 'In the Chinese, 」 has no opening 「 (推動新型工業化」).'],
    ['循《香港創新科技發展藍圖的', 'In the Chinese, 《 is opened but not closed with 》 (循《香港創新科技發展…).'],
  ])('flags Chinese %s', (text, message) => {
    expect(zh(text)).toEqual([message]);
  });

  it('flags brackets that cross', () => {
    expect(zh('（數碼港「Web3）基地」')).toEqual([
      'In the Chinese, 「 is not closed before ） (（數碼港「Web3）基地」).',
      'In the Chinese, 」 has no opening 「 (…「Web3）基地」).',
    ]);
  });

  it.each([
    ['Support “Web3 Hub@Cyberport', 'In the English, “ is opened but not closed with ” (Support “Web3 Hub…).'],
    ['Advanced Manufacturing Centre (AMC opened', 'In the English, ( is opened but not closed with ) (… Centre (AMC open…).'],
    ['Centre AMC) opened', 'In the English, ) has no opening ( (…ntre AMC) opened).'],
    ['under "Hong Kong I&T Blueprint', 'In the English, a " has no closing " (under "Hong Kon…).'],
    ['the [draft', 'In the English, [ is opened but not closed with ] (the [draft).'],
  ])('flags English %s', (text, message) => {
    expect(en(text)).toEqual([message]);
  });

  it.each([
    'Hong Kong’s strengths in research', // ’ alone is an apostrophe
    "Hong Kong's strengths",
    'under “Hong Kong I&T Development Blueprint”',
    'the ‘new’ industrialisation',
    'Advanced Manufacturing Centre (AMC) opened in April 2022',
    'a "quoted" word',
  ])('does not flag English %s', (text) => {
    expect(en(text)).toEqual([]);
  });
});

describe('typography: punctuation of the wrong width', () => {
  it.each([
    ['數碼,轉型', 'In the Chinese, "," should be the full-width "，" (數碼,轉型).'],
    ['措施:', 'In the Chinese, ":" should be the full-width "：" (措施:).'],
    ['推動數碼轉型.', 'In the Chinese, "." should be the full-width "。" (推動數碼轉型.).'],
    ['發展方向; 重點策略', 'In the Chinese, ";" should be the full-width "；" (發展方向; 重點策略).'],
    ['是否可行?', 'In the Chinese, "?" should be the full-width "？" (是否可行?).'],
    ['數碼(轉型)', 'In the Chinese, "(" should be the full-width "（" (數碼(轉型)).'],
    ['推動"新型工業化"', 'In the Chinese, """ should be the full-width "「 」" (推動"新型工業化").'],
    ['支持Ｗｅｂ３生態圈', 'In the Chinese, "Ｗｅｂ３" is typed in full-width characters; type it as "Web3".'],
  ])('flags Chinese %s', (text, message) => {
    expect(zh(text)).toContain(message);
  });

  it.each([
    ['Seize opportunities，develop GBA', 'In the English, the full-width "，" should be "," (…tunities，develop …).'],
    ['Opening：how the measures follow', 'In the English, the full-width "：" should be ":" (Opening：how the …).'],
    ['Support 「Web3 Hub」', 'In the English, the full-width "」" should be "”" (…Web3 Hub」).'],
    ['Web3\u3000ecosystem', 'In the English, the full-width "\u3000" should be a space (Web3 ecosyste…).'],
    ['Support Ｗｅｂ３ ecosystem', 'In the English, "Ｗｅｂ３" is typed in full-width characters; type it as "Web3".'],
  ])('flags English %s', (text, message) => {
    expect(en(text)).toContain(message);
  });

  it.each([
    '抓緊第三代互聯網(Web3)技術革新的黃金機遇', // ASCII brackets around Latin text
    '提供1 : 1 配對資助',
    '研究將在2023/24年度完成',
    '於2023 / 24年度邀請大學和科研機構提交建議書',
    '科技園公司分別投放4億及1.1億元',
    '開場：說明各項措施如何配合《香港創新科技發展藍圖》。',
    '2023-24年度財政預算案\n創新科技及工業局 相關重點措施',
    '「數碼港Web3基地」',
    '支持AI, IoT及Web3發展', // ASCII between Latin words
  ])('does not flag Chinese %s', (text) => {
    expect(zh(text)).toEqual([]);
  });

  it.each([
    'Opening: how the measures follow the Hong Kong I&T Development Blueprint.',
    'Max. grant at $500,000 with targeted professional support and counselling',
    'Support “Web3 Hub@Cyberport” established early this year',
    'The “iAM Smart” (「智方便」) platform', // quoting the Chinese name is fine
    'Hong Kong-Shenzhen Innovation and Technology Park — in the Loop…',
  ])('does not flag English %s', (text) => {
    expect(en(text)).toEqual([]);
  });
});
