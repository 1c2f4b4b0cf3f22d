import type { z } from 'zod';
import { describeValue } from './text.js';
import { BideckError, formatLocation } from '../errors.js';
import { formatPath } from '../load/yaml.js';
import type { DataPath, YamlSource } from '../load/yaml.js';

const WORDS: Record<string, string> = {
  object: 'a mapping (key: value lines)',
  array: 'a list (lines starting with "- ")',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

/** Schema messages in the words of someone editing YAML, not of a type system. */
function plainError(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return undefined; // "… is missing", filled in below
    return `expected ${WORDS[issue.expected] ?? issue.expected}, found ${describeValue(issue.input)}`;
  }
  if (issue.code === 'invalid_value') {
    return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; found ${describeValue(issue.input)}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') return `expected at least ${String(issue.minimum)} item(s)`;
  return undefined;
}

/**
 * A value that fits no branch of a union (a table cell is text or an amount) is reported by the
 * branch of its own kind: a mapping missing `en` gets "English text is missing" at `.en`, not
 * "Invalid input". A branch whose only complaint is the value's type is the wrong branch.
 */
function expandUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const fits = issue.errors.find((branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0));
  if (!fits) return [issue];
  return fits.map((i) => ({ ...i, path: [...issue.path, ...i.path] })).flatMap(expandUnion);
}

/**
 * `{zh: 每人港幣1,550元, en: …}`: in a mapping written in braces a comma ends the value, so the
 * rest of the text becomes a key of its own (`550元`). Said plainly when the unknown key sits in
 * braces and reads like text rather than a field name.
 */
function commaHint(source: YamlSource, path: DataPath, key: string): string {
  if (/^[a-z][a-zA-Z]*$/.test(key)) return ''; // a misspelt field name, not a piece of text
  const { line, column } = source.locate(path);
  const text = line === undefined ? undefined : source.text.split('\n')[line - 1];
  if (text === undefined || !text.slice(0, Math.max(0, (column ?? 1) - 1)).includes('{')) return '';
  return '; in a mapping written in braces ({…}) a comma ends the text: put a text with commas in quotes, e.g. zh: "每人港幣1,550元"';
}

/** Most problems a user wants to see at once; beyond that they are usually one root cause. */
const MAX_REPORTED = 10;

/**
 * Validate parsed YAML against a schema. Every issue is reported as
 * `file:line:column data.path: message`; the first becomes the error's headline.
 */
export function validate<S extends z.ZodType>(schema: S, source: YamlSource): z.output<S> {
  const result = schema.safeParse(source.data, { error: plainError });
  if (result.success) return result.data;
  const located = result.error.issues.flatMap(expandUnion).map((issue) => {
    let path: DataPath = issue.path.filter((k) => typeof k !== 'symbol');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0] ?? '';
      path = [...path, key];
      message = `unknown field ${JSON.stringify(key)}${commaHint(source, path, key)}`;
    } else if (issue.code === 'invalid_type' && issue.input === undefined && /^Invalid input/.test(message)) {
      message = `${String(path.at(-1) ?? 'the deck')} is missing`;
    }
    return { location: source.locate(path), path: formatPath(path), message };
  });
  const [first, ...rest] = located;
  if (!first) throw new BideckError('data', 'invalid data', { location: { file: source.file } });
  const details = rest
    .slice(0, MAX_REPORTED - 1)
    .map((l) => `${formatLocation(l.location)} ${l.path}: ${l.message}`);
  if (rest.length >= MAX_REPORTED) details.push(`… and ${rest.length - MAX_REPORTED + 1} more problems`);
  throw new BideckError('data', first.message, {
    location: first.location,
    path: first.path,
    details,
  });
}
