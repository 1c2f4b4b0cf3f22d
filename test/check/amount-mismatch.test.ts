import { describe, expect, it } from 'vitest';
import { check, messages } from '../helpers/check.js';

const rule = 'amount-mismatch';
const point = { zh: '要點', en: 'Point' };
const funding = (zh: string, en: string, amounts: number[], more: Record<string, unknown> = {}) => ({ zh, en, action: 'earmark', amounts, ...more });

describe('amount-mismatch in text', () => {
  it.each([
    [{ zh: '提供最多100萬元資助', en: 'Provide subsidies up to $10M' }, 'English says $10M but Chinese says 100萬元 (HK$1,000,000).'],
    [{ zh: '最高資助額五十萬元', en: 'Max. grant at $50,000' }, 'English says $50,000 but Chinese says 五十萬元 (HK$500,000).'],
    [{ zh: '分別投放4億及1.1億元', en: 'Inject $400M respectively' }, 'English says $400M but Chinese says 4億 (HK$400,000,000) and 1.1億元 (HK$110,000,000).'],
    [{ zh: '分別投放4億及1.1億元', en: 'Inject funds' }, 'English states no amount but Chinese says 4億 (HK$400,000,000) and 1.1億元 (HK$110,000,000).'],
    [{ zh: '投放資源', en: 'Inject $5K' }, 'English says $5K but Chinese states no amount.'],
    [{ zh: '約2億元', en: '$200M' }, 'Chinese says about (約) but English gives an exact figure (Chinese 2億元, English $200M); add "~" or "about", or drop 約.'],
    [{ zh: '2億元', en: 'about $200M' }, 'English says about (~) but Chinese gives an exact figure (Chinese 2億元, English $200M); add 約, or drop the "~" / "about".'],
    [{ zh: '提供100萬元資助', en: 'Provide subsidies up to $1M' }, 'English gives a ceiling ("up to" / "Max.") but Chinese does not (Chinese 100萬元, English $1M); add 最高 or 最多.'],
    [{ zh: '最多100萬元', en: 'Provide $1M' }, 'Chinese gives a ceiling (最高 / 最多) but English does not (Chinese 100萬元, English $1M); add "up to" or "Max.".'],
  ])('flags %j', (pair, message) => {
    expect(messages(check(rule, pair))).toEqual([message]);
  });

  it.each([
    // the seed's own wording
    { zh: '最高資助額五十萬元，並提供專業支援及輔導', en: 'Max. grant at $500,000 with targeted professional support and counselling' },
    { zh: '未來三個學年繼續向每所公帑資助中學提供最多100萬元資助，舉辦資訊科技相關課外活動', en: 'Continue to provide subsidies up to $1M for each publicly-funded secondary school in the next 3 school years to organise IT-related extra-curricular activities' },
    { zh: '提供1 : 1 配對資助', en: 'Subsidise on a 1:1 matching basis' },
    { zh: '研究將在2023/24年度完成', en: 'Study to complete in 2023-24' },
    { zh: '於2023 / 24年度邀請大學和科研機構提交建議書', en: 'Invite universities and research institutes to submit proposals in 2023-24' },
    { zh: '數字化經濟發展委員會於2022年6月成立', en: 'Established Digital Economy Development Committee in June 2022' },
    { zh: '四個工作小組深入研究以下範疇：', en: '4 sub-groups undertake in-depth studies on major areas:' },
    { zh: '把握國家「十四五」規劃和粵港澳大灣區建設帶來的重大機遇', en: 'Seize opportunities brought by National 14th 5-Year Plan and development of GBA' },
    { zh: '循《香港創新科技發展藍圖》的四大發展方向和八大重點策略', en: 'in 4 broad development directions and 8 major strategies' },
    { zh: '先進製造業中心2022年4月開幕', en: 'Advanced Manufacturing Centre (AMC) opened in April 2022' },
    { zh: '簡報日期：24/2/2023', en: 'Briefing of 24/2/2023' },
    // the same amounts, written other ways
    { zh: '一百萬元', en: 'HK$1 million' },
    { zh: '5千萬元', en: '$50M' },
    { zh: '5,000萬元', en: '$50,000,000' },
    { zh: '兩億元', en: '$0.2B' },
    { zh: '1.1億及4億元', en: '$400M and $110M' },
    { zh: '大約3億元', en: 'approximately $300M' },
  ])('does not flag %j', (pair) => {
    expect(check(rule, pair)).toEqual([]);
  });

  it('names the segment and points at it', () => {
    const [f] = check(rule, { zh: '撥款3億元', en: 'Allocate $30M' });
    expect(f).toMatchObject({ rule, slide: 2, segment: 's.i.p1', path: 'areas[0].slides[0].initiatives[0].points[0]' });
  });
});

describe('amount-mismatch in funding lines', () => {
  const at = (f: ReturnType<typeof check>[number] | undefined) => [f?.segment, f?.lang, f?.path];

  it('names the language that disagrees with the other and the stored amount', () => {
    const found = check(rule, point, { funding: funding('預留約2億元', 'Earmark ~$20M', [200_000_000], { approximate: true }) });
    expect(messages(found)).toEqual(['English says $20M but Chinese says 2億元 (HK$200,000,000) and the stored amount is 200,000,000.']);
    expect(at(found[0])).toEqual(['s.i.funding', 'en', 'areas[0].slides[0].initiatives[0].funding.en']);

    const zh = check(rule, point, { funding: funding('預留20億元', 'Earmark $200M', [200_000_000]) });
    expect(messages(zh)).toEqual(['Chinese says 20億元 (HK$2,000,000,000) but English says $200M and the stored amount is 200,000,000.']);
    expect(at(zh[0])).toEqual(['s.i.funding', 'zh', 'areas[0].slides[0].initiatives[0].funding.zh']);
  });

  it('points at the stored amounts when both languages agree with each other only', () => {
    const found = check(rule, point, { funding: funding('預留5億元', 'Earmark $500M', [50_000_000]) });
    expect(messages(found)).toEqual(['Both languages say 5億元 (HK$500,000,000) / $500M, but the stored amount is 50,000,000; correct the stored figure or the wording.']);
    expect(found[0]?.path).toBe('areas[0].slides[0].initiatives[0].funding.amounts');
  });

  it('says so when all three differ', () => {
    expect(messages(check(rule, point, { funding: funding('預留5億元', 'Earmark $50M', [5_000_000]) }))).toEqual([
      'Chinese says 5億元 (HK$500,000,000), English says $50M and the stored amount is 5,000,000: all three must agree.',
    ]);
  });

  it('counts outOf with the amounts', () => {
    const ok = funding('從已預留的100億元中撥出60億元', 'Set aside $6B out of the earmarked $10B', [6_000_000_000], { action: 'set-aside', outOf: 10_000_000_000 });
    expect(check(rule, point, { funding: ok })).toEqual([]);
    const missing = funding('從已預留的100億元中撥出60億元', 'Set aside $6B out of the earmarked $10B', [6_000_000_000], { action: 'set-aside' });
    expect(messages(check(rule, point, { funding: missing }))).toEqual([
      'Both languages say 100億元 (HK$10,000,000,000) and 60億元 (HK$6,000,000,000) / $6B and $10B, but the stored amount is 6,000,000,000; correct the stored figure or the wording.',
    ]);
  });

  it('holds the stored approximate to the wording', () => {
    expect(messages(check(rule, point, { funding: funding('預留約2億元', 'Earmark ~$200M', [200_000_000]) }))).toEqual([
      'The wording says about (約 / ~) but the stored amount is marked exact; set "approximate: true".',
    ]);
    const found = check(rule, point, { funding: funding('預留2億元', 'Earmark $200M', [200_000_000], { approximate: true }) });
    expect(messages(found)).toEqual(['The stored amount is marked approximate but the wording has neither 約 nor ~; add them, or remove "approximate: true".']);
    expect(found[0]?.path).toBe('areas[0].slides[0].initiatives[0].funding.approximate');
  });

  it.each([
    funding('預留約2億元', 'Earmark ~$200M', [200_000_000], { approximate: true }),
    funding('預留5億元', 'Earmark $500M', [500_000_000]),
    funding('撥款5千萬元', 'Allocate $50M', [50_000_000]),
    funding('預留30億元', 'Earmark $3B', [3_000_000_000]),
    funding('科技園公司分別投放4億及1.1億元', 'HKSTPC to inject $400M and $110M respectively', [400_000_000, 110_000_000]),
    funding('預留2.65億元', 'Earmark $265M', [265_000_000]),
    funding('撥款3億元', 'Allocate $300M', [300_000_000]),
  ])('does not flag the seed line $en', (line) => {
    expect(check(rule, point, { funding: line })).toEqual([]);
  });
});
