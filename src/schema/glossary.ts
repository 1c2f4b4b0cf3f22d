import { z } from 'zod';
import { FUNDING_ACTIONS } from './funding.js';
import { describeValue } from './text.js';

const Spelling = z
  .string()
  .trim()
  .min(1, { error: 'expected a term, found empty text' });

/** One spelling, or a list of accepted spellings (the first is the preferred one). */
const Spellings = z
  .union([Spelling, z.array(Spelling).min(1, { error: 'expected at least one spelling' })], {
    error: (iss) => `expected a term or a list of its spellings, found ${describeValue(iss.input)}`,
  })
  .transform((v) => (typeof v === 'string' ? [v] : v));

export const GlossaryTerm = z
  .strictObject({
    zh: Spellings.describe('Chinese spelling(s), e.g. [香港科技園公司, 科技園公司]'),
    en: Spellings.describe('English spelling(s), e.g. [Hong Kong Science and Technology Park Corporation, HKSTPC]'),
    note: z.string().optional().describe('For translators: when and how to use the term'),
  })
  .describe('A term and its accepted translations: a text using any zh spelling must use an en one, and back');
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;

export const Glossary = z
  .strictObject({
    $schema: z.string().optional(),
    terms: z.array(GlossaryTerm).default([]),
    verbs: z
      .partialRecord(
        z.enum(FUNDING_ACTIONS, {
          error: (iss) => `expected an action, one of ${FUNDING_ACTIONS.join(', ')}; found ${describeValue(iss.input)}`,
        }),
        z.strictObject({ zh: Spellings.optional(), en: Spellings.optional() }),
      )
      .optional()
      .describe('More wordings of funding actions, added to the built-in table (預留 earmark, 撥款 allocate …), e.g. earmark: { zh: [預撥] }'),
    names: z
      .array(Spelling)
      .default([])
      .describe('Names written the same in both languages (Web3): a text pair made of them alone is not flagged as untranslated'),
  })
  .superRefine((glossary, ctx) => {
    // A spelling in two terms would make "the other side" ambiguous.
    for (const lang of ['zh', 'en'] as const) {
      const seen = new Map<string, number>();
      glossary.terms.forEach((term, i) => {
        term[lang].forEach((spelling, j) => {
          const first = seen.get(spelling);
          if (first !== undefined && first !== i) {
            ctx.addIssue({
              code: 'custom',
              path: ['terms', i, lang, j],
              message: `${JSON.stringify(spelling)} is already a spelling of terms[${first}]; a spelling may belong to one term only`,
            });
          }
          seen.set(spelling, first ?? i);
        });
      });
    }
  })
  .describe('A bideck glossary: terms that must be translated consistently');
export type Glossary = z.infer<typeof Glossary>;
