import { describe, expect, it } from 'vitest';
import { parseAmounts } from '../../src/model/amount.js';
import type { AmountLang } from '../../src/model/amount.js';

/** value, then a/m for approximate / max: [200000000, 'a'] */
type Want = [number, ('a' | 'm' | 'am')?];
const found = (text: string, lang: AmountLang): Want[] =>
  parseAmounts(text, lang).map((a) => {
    const flags = `${a.approximate ? 'a' : ''}${a.max ? 'm' : ''}` as '' | 'a' | 'm' | 'am';
    return flags ? [a.value, flags] : [a.value];
  });

describe('parseAmounts, Chinese', () => {
  it.each<[string, Want[]]>([
    // the seed's own funding lines and amounts
    ['預留約2億元', [[200_000_000, 'a']]],
    ['預留5億元', [[500_000_000]]],
    ['撥款5千萬元', [[50_000_000]]],
    ['從已預留的100億元中撥出60億元', [[10_000_000_000], [6_000_000_000]]],
    ['科技園公司分別投放4億及1.1億元', [[400_000_000], [110_000_000]]],
    ['預留2.65億元', [[265_000_000]]],
    ['最高資助額五十萬元，並提供專業支援及輔導', [[500_000, 'm']]],
    ['未來三個學年繼續向每所公帑資助中學提供最多100萬元資助', [[1_000_000, 'm']]],
    // Chinese numerals and multipliers
    ['一百萬元', [[1_000_000]]],
    ['三千元', [[3000]]],
    ['兩億元', [[200_000_000]]],
    ['一百零五元', [[105]]],
    ['十萬元', [[100_000]]],
    ['5,000萬元', [[50_000_000]]],
    ['1億2,000萬元', [[120_000_000]]],
    ['2億3千萬元', [[230_000_000]]],
    ['1萬億元', [[1_000_000_000_000]]],
    ['2 億元', [[200_000_000]]],
    ['港幣5億元', [[500_000_000]]],
    ['5億港元', [[500_000_000]]],
    // lists and ranges share the 元 and the multiplier at their end
    ['4億、5億及6億元', [[400_000_000], [500_000_000], [600_000_000]]],
    ['1至2億元', [[100_000_000], [200_000_000]]],
    ['約4億及1.1億元', [[400_000_000, 'a'], [110_000_000, 'a']]],
    // about and at most
    ['大約3億元', [[300_000_000, 'a']]],
    ['約為3億元', [[300_000_000, 'a']]],
    ['2億元左右', [[200_000_000, 'a']]],
    ['上限為50萬元', [[500_000, 'm']]],
    ['最高約2億元', [[200_000_000, 'am']]],
    // a 萬 / 億 figure without 元 counts in a clause about money
    ['撥款30億', [[3_000_000_000]]],
  ])('%s', (text, want) => {
    expect(found(text, 'zh')).toEqual(want);
  });

  it.each([
    '2022年6月',
    '數字化經濟發展委員會於2022年6月成立',
    '2023-24年度財政預算案',
    '研究將在2023/24年度完成',
    '於2023 / 24年度邀請大學和科研機構提交建議書',
    '24/2/2023',
    '二〇二三年',
    '四個工作小組深入研究以下範疇：',
    '未來三個學年',
    '把握國家「十四五」規劃',
    '四大發展方向和八大重點策略',
    '提供1 : 1 配對資助',
    '比例為1:1',
    '抓緊第三代互聯網(Web3)技術革新',
    '先進製造業中心2022年4月開幕',
    '3萬人',
    '撥款支援14億人口',
    '全港十八區',
    '5G網絡',
    '增加50%',
    '數百萬元', // no figure to compare
    '數十億元',
    '幾百萬元',
    '十多億元',
    '三元素',
    '一元化管理',
    '千萬不要',
    '進一步推動',
  ])('no amount in %s', (text) => {
    expect(parseAmounts(text, 'zh')).toEqual([]);
  });

  it('is not fooled by the 約 of 合約 or 預約', () => {
    expect(found('合約2億元', 'zh')).toEqual([[200_000_000]]);
    expect(found('預約3萬元', 'zh')).toEqual([[30_000]]);
  });

  it('gives the amount as written and where it is', () => {
    expect(parseAmounts('分別投放4億及1.1億元', 'zh').map((a) => [a.raw, a.index])).toEqual([
      ['4億', 4],
      ['1.1億元', 7],
    ]);
  });
});

describe('parseAmounts, English', () => {
  it.each<[string, Want[]]>([
    ['Earmark ~$200M', [[200_000_000, 'a']]],
    ['Earmark $500M', [[500_000_000]]],
    ['Allocate $50M', [[50_000_000]]],
    ['Set aside $6B out of the earmarked $10B', [[6_000_000_000], [10_000_000_000]]],
    ['HKSTPC to inject $400M and $110M respectively', [[400_000_000], [110_000_000]]],
    ['Max. grant at $500,000 with targeted professional support and counselling', [[500_000, 'm']]],
    ['Continue to provide subsidies up to $1M for each publicly-funded secondary school in the next 3 school years', [[1_000_000, 'm']]],
    ['$5K', [[5000]]],
    ['$200m', [[200_000_000]]],
    ['$6bn', [[6_000_000_000]]],
    ['$2.65B', [[265_000_000 * 10]]],
    ['$265M', [[265_000_000]]],
    ['HK$3 billion', [[3_000_000_000]]],
    ['$3 million', [[3_000_000]]],
    ['HKD 500,000', [[500_000]]],
    ['3 million dollars', [[3_000_000]]],
    ['about $3 million', [[3_000_000, 'a']]],
    ['approximately $3M', [[3_000_000, 'a']]],
    ['a maximum of $500,000', [[500_000, 'm']]],
    ['$1-2B', [[1_000_000_000], [2_000_000_000]]],
    ['$100 to 200M', [[100_000_000], [200_000_000]]],
    ['~$400M and $110M', [[400_000_000, 'a'], [110_000_000, 'a']]],
    ['Up to $1M, then $2M more', [[1_000_000, 'm'], [2_000_000]]],
    ['A fund set up to provide $200M', [[200_000_000]]],
  ])('%s', (text, want) => {
    expect(found(text, 'en')).toEqual(want);
  });

  it.each([
    'Seize opportunities brought by National 14th 5-Year Plan and development of GBA',
    '4 sub-groups undertake in-depth studies on major areas:',
    'Study to complete in 2023-24',
    'Established Digital Economy Development Committee in June 2022',
    'in the next 3 school years',
    'Subsidise on a 1:1 matching basis',
    'technological reform of Web3',
    'opened in April 2022',
    '4 broad development directions and 8 major strategies',
    '24/2/2023',
  ])('no amount in %s', (text) => {
    expect(parseAmounts(text, 'en')).toEqual([]);
  });
});
