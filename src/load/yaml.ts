import createDebug from 'debug';
import { load as loadYaml } from 'js-yaml';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { BideckError } from '../errors.js';
import type { SourceLocation } from '../errors.js';

/** Bigger than any real deck by two orders of magnitude; refuse before parsing. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

const debug = createDebug('bideck:load');

let yamlModule: typeof Yaml | undefined;
/**
 * `yaml`, loaded on first use (≈ 0.05 s): a clean build of a valid deck never needs it. Its
 * package resolves to the same CommonJS build for `import` and `require` in Node, so this is the
 * module `xliff/splice.ts` imports, not a second copy.
 */
const yaml = (): typeof Yaml => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

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

/**
 * `texts`: the file holds the deck's texts, whose values may not end in a comment (textCutByComment).
 *
 * A file is read twice over at most, by two parsers of YAML 1.2's core schema. js-yaml reads the
 * data of a valid file in a third of the time `yaml` takes to build its document (1,000 slides:
 * ≈ 0.12 s against 0.36–0.50 s, on the way to starting the browser). `yaml` stays the reference:
 * its document, with every node's place in the file, is built when something asks where a data
 * path is (an error, a QA finding) or for the document itself (XLIFF import), and it reads every
 * file js-yaml refuses or may read differently ({@link quickData}), so that what is wrong is
 * reported as before. `test/load/yaml.test.ts` checks the two agree on generated files.
 */
export function parseYaml(file: string, text: string, options: { texts?: boolean } = {}): YamlSource {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_SOURCE_BYTES) {
    throw new BideckError(
      'data',
      `file is too large (${(bytes / 1024 / 1024).toFixed(1)} MB; at most ${MAX_SOURCE_BYTES / 1024 / 1024} MB)`,
      { location: { file } },
    );
  }
  const quick = quickData(text, options);
  if (!quick) {
    debug('%s: read by yaml alone', file);
    return fullSource(file, parsed(file, text), options);
  }
  let document: ParsedYaml | undefined;
  const full = () => {
    if (!document) debug('%s: the document is asked for, so yaml reads the file too', file);
    return (document ??= parsed(file, text));
  };
  return {
    file,
    text,
    get doc() {
      return full().doc;
    },
    data: quick.data,
    locate: (path) => full().locate(path),
  };
}

/**
 * The data as js-yaml reads it, or undefined for a file `yaml` must read: one js-yaml refuses
 * (whatever is wrong, `yaml`'s message says where and how to fix it), one with an alias (`yaml`
 * limits their expansion), one whose texts a comment may cut (textCutByComment needs the
 * document), and one holding what the two read differently ({@link readDifferently}).
 */
function quickData(text: string, options: { texts?: boolean }): { data: unknown } | undefined {
  if (options.texts && / #\S/.test(text)) return undefined;
  let data: unknown;
  try {
    // The core schema is js-yaml's default; a duplicate key throws unless `json` is set.
    data = loadYaml(text, { maxAliases: 0 });
  } catch {
    return undefined;
  }
  return readDifferently(data) ? undefined : { data };
}

/**
 * What js-yaml reads otherwise than `yaml`, found in its data: a null or empty key (`~:`,
 * `{ null: 1 }`), which js-yaml names "null" and `yaml` ""; a number too large for a double
 * (`1e400`), which js-yaml keeps as text and `yaml` reads as Infinity, as a value or a key. A
 * quoted "null" key or "1e400" text is sent to `yaml` too, which reads it right, only slower.
 */
function readDifferently(value: unknown): boolean {
  if (typeof value === 'string') return overflows(value);
  if (Array.isArray(value)) return value.some(readDifferently);
  if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) if (key === 'null' || overflows(key) || readDifferently(v)) return true;
  }
  return false;
}
const overflows = (s: string) => /^[-+]?(?:\.\d+|\d+(?:\.\d*)?)[eE][-+]?\d+$/.test(s) && !Number.isFinite(Number(s));

interface ParsedYaml {
  text: string;
  doc: Document.Parsed;
  at(offset: number): SourceLocation;
  locate(path: DataPath): SourceLocation;
}

/** `yaml`'s document of the file, with each offset's line and column. */
function parsed(file: string, text: string): ParsedYaml {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  // uniqueKeys (the default) makes a duplicate key an error instead of silently keeping the last.
  // Errors only: yaml's warnings (a collection as a key) would reach the user as Node warnings.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  return { text, doc, at, locate: (path) => at(offsetOf(doc, path)) };
}

/** The file as `yaml` reads it: its first error thrown, or its data. */
function fullSource(file: string, { text, doc, at, locate }: ParsedYaml, options: { texts?: boolean }): YamlSource {
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
  const cut = options.texts ? textCutByComment(doc, text) : undefined;
  if (cut) {
    throw new BideckError('data', `invalid YAML: the text of "${cut.key}" has a space before "#", which YAML reads as the start of a comment: "${cut.dropped}" would be dropped; put the text in quotes: ${cut.key}: ${JSON.stringify(`${cut.kept} ${cut.dropped}`)}`, {
      location: at(cut.offset),
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
  return { file, text, doc, data, locate };
}

/** The keys of the deck's texts (each Bilingual value): their values are never meant to hold a comment. */
const TEXT_KEYS = new Set(['zh', 'en']);

/**
 * `en: Committee #1 in June 2022` is read by YAML as the text "Committee" and a comment, "1 in
 * June 2022": the rest of the line is lost without a word. A text key's unquoted value followed
 * by " #" and a word is refused instead; a comment written as one (`text   # note`), or after
 * any other value (`brand: hkgov  # …`), is fine.
 */
function textCutByComment(doc: Document.Parsed, text: string): { key: string; kept: string; dropped: string; offset: number } | undefined {
  const { isScalar, visit } = yaml();
  let found: { key: string; kept: string; dropped: string; offset: number } | undefined;
  visit(doc, {
    Pair(_, pair) {
      const value = pair.value;
      if (found || !isScalar(pair.key) || !TEXT_KEYS.has(String(pair.key.value)) || !isScalar(value)) return;
      if (value.type !== 'PLAIN' || !value.comment || !value.range) return;
      // What a writer means as text: one space, then "#" against a word ("#1", "#GoHK"). A
      // comment set off as comments are (`text   # note`) is left alone.
      const offset = value.range[1] + 1;
      if (text.slice(value.range[1], offset + 1) !== ' #' || /[\s]/.test(text.charAt(offset + 1) || ' ')) return;
      found = { key: String(pair.key.value), kept: String(value.value), dropped: lineAt(text, offset).slice(offset - (text.lastIndexOf('\n', offset - 1) + 1)).trimEnd(), offset };
      return visit.BREAK;
    },
  });
  return found;
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
  const { isNode } = yaml();
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
  const { isMap, isPair, isScalar } = yaml();
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
  return yaml().isNode(node) && node.range ? node.range[0] : undefined;
}
