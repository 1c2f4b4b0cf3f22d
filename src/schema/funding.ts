import { z } from 'zod';
import { Bilingual, describeValue } from './text.js';

export const FUNDING_ACTIONS = [
  'earmark',
  'allocate',
  'set-aside',
  'inject',
  'provide',
  'reserve',
  'subsidise',
] as const;

const Hkd = z
  .number({
    error: (iss) => `expected an amount in HKD as a number, found ${describeValue(iss.input)}`,
  })
  .finite()
  .positive({ error: 'expected a positive amount in HKD' })
  .max(1e13, { error: 'amount is implausibly large (over HK$10 trillion)' });

/** A funding line: its wording in both languages plus the figures it states, as numbers. */
export const Funding = Bilingual.extend({
  action: z
    .enum(FUNDING_ACTIONS, {
      error: (iss) =>
        `expected an action, one of ${FUNDING_ACTIONS.join(', ')}; found ${describeValue(iss.input)}`,
    })
    .describe('What the Government does with the money'),
  amounts: z
    .array(Hkd, {
      error: (iss) => `expected a list of amounts in HKD, found ${describeValue(iss.input)}`,
    })
    .min(1, { error: 'a funding line needs at least one amount' })
    .describe('The amounts the wording states, in HKD, in the order they appear'),
  outOf: Hkd.optional().describe('The larger sum the amounts are taken from, if the wording says so'),
  approximate: z.boolean().default(false).describe('The wording says "about" (約 / ~)'),
}).describe('A funding line with its amounts in HKD');
export type Funding = z.infer<typeof Funding>;
