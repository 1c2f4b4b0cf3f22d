import type { z } from 'zod';
import { BideckError, formatLocation } from '../errors.js';
import { formatPath } from '../load/yaml.js';
import type { DataPath, YamlSource } from '../load/yaml.js';

/** Most problems a user wants to see at once; beyond that they are usually one root cause. */
const MAX_REPORTED = 10;

/**
 * Validate parsed YAML against a schema. Every issue is reported as
 * `file:line:column data.path: message`; the first becomes the error's headline.
 */
export function validate<S extends z.ZodType>(schema: S, source: YamlSource): z.output<S> {
  const result = schema.safeParse(source.data);
  if (result.success) return result.data;
  const located = result.error.issues.map((issue) => {
    let path: DataPath = issue.path.filter((k) => typeof k !== 'symbol');
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0] ?? '';
      path = [...path, key];
      message = `unknown field ${JSON.stringify(key)}`;
    } else if (issue.code === 'invalid_type' && issue.input === undefined && message.startsWith('Invalid input')) {
      message = `${String(path.at(-1))} is missing`;
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
