import { z } from 'zod';
import { Bilingual, describeValue, languageText } from './text.js';

export const FUNDING_ACTIONS = [
  'earmark',
  'allocate',
  'set-aside',
  'inject',
  'provide',
  'reserve',
  'subsidise',
] as const;
export type FundingAction = (typeof FUNDING_ACTIONS)[number];

/** The currencies a funding line may be in; the wording writes them 人民幣 / 美元 and RMB / US$. */
export const FUNDING_CURRENCIES = ['HKD', 'USD', 'RMB'] as const;

const Money = z
  .number({
    error: (iss) => `expected an amount as a number, found ${describeValue(iss.input)}`,
  })
  .finite()
  .positive({ error: 'expected a positive amount' })
  .max(1e13, { error: 'amount is implausibly large (over 10 trillion)' });

/** What one amount is for, in both languages: 每家企業 / per enterprise. */
export const PerUnit = z
  .strictObject({
    zh: languageText('Chinese').describe('As the Chinese wording says it, e.g. 每家企業'),
    en: languageText('English').describe('As the English wording says it, e.g. per enterprise'),
  })
  .describe('The amounts are for each of these: 每家企業 / per enterprise');

/**
 * A funding line: its wording in both languages plus the figures it states, as numbers, and
 * what the wording says about them (about, up to, over, a range, per unit, the currency).
 * `bideck check` holds the wording in both languages to these fields (check/rules/amount-*).
 */
export const Funding = Bilingual.extend({
  action: z
    .enum(FUNDING_ACTIONS, {
      error: (iss) =>
        `expected an action, one of ${FUNDING_ACTIONS.join(', ')}; found ${describeValue(iss.input)}`,
    })
    .describe('What the Government does with the money; the wording\'s verb must say the same (預留 earmark, 撥款 allocate …)'),
  amounts: z
    .array(Money, {
      error: (iss) => `expected a list of amounts, found ${describeValue(iss.input)}`,
    })
    .min(1, { error: 'a funding line needs at least one amount' })
    .describe('The amounts the wording states, in `currency` (HKD unless set), in the order they appear'),
  outOf: Money.optional().describe('The larger sum the amounts are taken from, if the wording says so'),
  approximate: z.boolean().default(false).describe('The wording says "about" (約 / ~)'),
  ceiling: z.boolean().default(false).describe('The amounts are ceilings: 最高 / 上限 / 不多於, up to / cap / not more than'),
  over: z.boolean().default(false).describe('The wording says more than: 逾 / 超過 / 2億多元, over / more than'),
  range: z
    .boolean()
    .default(false)
    .describe('The two amounts are the ends of a range, min then max: 20萬至100萬元 / $200,000 to $1M'),
  perUnit: PerUnit.optional(),
  currency: z
    .enum(FUNDING_CURRENCIES, {
      error: (iss) => `expected a currency, one of ${FUNDING_CURRENCIES.join(', ')}; found ${describeValue(iss.input)}`,
    })
    .default('HKD')
    .describe('HKD (default), USD (美元 / US$) or RMB (人民幣 / RMB)'),
})
  .superRefine((f, ctx) => {
    if (f.range && (f.amounts.length !== 2 || (f.amounts[0] ?? 0) >= (f.amounts[1] ?? 0))) {
      ctx.addIssue({
        code: 'custom',
        path: ['amounts'],
        message: `a range needs two amounts, the lower first (e.g. [200000, 1000000]); found ${f.amounts.length === 2 ? 'them in the wrong order' : `${f.amounts.length}`}`,
      });
    }
    if (f.ceiling && f.over) {
      ctx.addIssue({ code: 'custom', path: ['over'], message: 'an amount cannot be both a ceiling (up to) and "over"; keep the one the wording says' });
    }
  })
  .describe('A funding line with its amounts');
export type Funding = z.infer<typeof Funding>;
