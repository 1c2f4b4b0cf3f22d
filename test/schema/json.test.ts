import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/schema/json.js';
import { ROOT } from '../helpers/seed.js';

describe('JSON Schemas for editors', () => {
  it('data/schema/*.schema.json are what the zod schemas generate (run `bideck schema` after a change)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const committed = JSON.parse(readFileSync(join(ROOT, 'data', 'schema', `${name}.schema.json`), 'utf8')) as unknown;
      expect(committed, name).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });
});
