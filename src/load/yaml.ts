import { LineCounter, isNode, isPair, isMap, isScalar, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { BideckError } from '../errors.js';
import type { SourceLocation } from '../errors.js';

/** Bigger than any real deck by two orders of magnitude; refuse before parsing. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export type DataPath = readonly (string | number)[];

/** A parsed YAML file that can say where any data path came from. */
export interface YamlSource {
  file: string;
  text: string;
  doc: Document.Parsed;
  data: unknown;
  locate(path: DataPath): SourceLocation;
}

/** `areas[1].slides[0].title.en` */
export function formatPath(path: DataPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${key}` : key;
  }
  return out;
}

export function parseYaml(file: string, text: string): YamlSource {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_SOURCE_BYTES) {
    throw new BideckError(
      'data',
      `file is too large (${(bytes / 1024 / 1024).toFixed(1)} MB; at most ${MAX_SOURCE_BYTES / 1024 / 1024} MB)`,
      { location: { file } },
    );
  }
  const lineCounter = new LineCounter();
  // uniqueKeys (the default) makes a duplicate key an error instead of silently keeping the last.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const first = doc.errors[0];
  if (first) {
    // A tab or an unquoted colon throws the parser off for the lines after it: what it says
    // about them is noise (issue 12), so only the first problem is reported.
    const knockOn = first.code === 'TAB_AS_INDENT' || first.code === 'BLOCK_AS_IMPLICIT_KEY';
    throw new BideckError('data', `invalid YAML: ${yamlMessage(first.code, first.message, lineAt(text, first.pos[0]))}`, {
      location: at(first.pos[0]),
      details: knockOn ? [] : doc.errors.slice(1, 5).map((e) => `${formatAt(at(e.pos[0]))}: ${e.message.split('\n')[0] ?? ''}`),
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    throw new BideckError('data', `invalid YAML: ${(cause as Error).message}`, {
      location: { file },
      cause,
    });
  }
  return {
    file,
    text,
    doc,
    data,
    locate: (path) => at(offsetOf(doc, path)),
  };
}

function formatAt(loc: SourceLocation): string {
  return `${loc.file}:${loc.line ?? 1}:${loc.column ?? 1}`;
}

function yamlMessage(code: string, message: string, line: string): string {
  if (code === 'DUPLICATE_KEY') return 'a key appears twice in the same mapping';
  if (code === 'TAB_AS_INDENT') return 'Tabs are not allowed as indentation; indent with spaces';
  if (code === 'BLOCK_AS_IMPLICIT_KEY') {
    // `en: Budget: $5M`: YAML reads the second ": " as the start of a mapping.
    const m = /^(\s*(?:-\s+)?)([^\s:#][^:#]*?):\s+(.*\S)\s*$/.exec(line);
    if (m) {
      const [, indent = '', key = '', value = ''] = m;
      return `the text of "${key.trim()}" has a colon followed by a space, which YAML reads as a new key; put the text in quotes: ${indent.trim() ? `${indent.trim()} ` : ''}${key.trim()}: ${JSON.stringify(value)}`;
    }
    return 'a colon followed by a space starts a new key here; if it is part of a text, put the whole text in quotes ("…")';
  }
  return message.split('\n')[0] ?? message;
}

/** The whole line holding `offset`, for messages that show how to fix it. */
function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? undefined : end);
}

/**
 * Start offset of the deepest node on `path`. A key that is missing resolves to its parent
 * mapping, which is where the user has to add it.
 */
function offsetOf(doc: Document.Parsed, path: DataPath): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const key of path) {
    if (!isNode(node)) break;
    const next = childOf(node, key);
    if (next === undefined) break;
    node = next.value ?? next.key;
    offset = rangeStart(next.value) ?? rangeStart(next.key) ?? offset;
  }
  return offset;
}

function childOf(node: YamlNode, key: string | number): { key?: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
    return pair ? { key: pair.key, value: pair.value } : undefined;
  }
  if ('items' in node && Array.isArray(node.items) && typeof key === 'number') {
    const item: unknown = node.items[key];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) && node.range ? node.range[0] : undefined;
}
