import { z } from 'zod';
import { Brand } from './brand.js';
import { Deck } from './deck.js';
import { Glossary } from './glossary.js';

/** JSON Schemas for editors (yaml-language-server), generated from the zod schemas. */
export function jsonSchemas(): Record<'deck' | 'brand' | 'glossary', object> {
  const gen = (schema: z.ZodType, title: string) => ({
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    title,
  });
  return {
    deck: gen(Deck, 'bideck deck'),
    brand: gen(Brand, 'bideck brand'),
    glossary: gen(Glossary, 'bideck glossary'),
  };
}
