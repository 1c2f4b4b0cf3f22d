import { Document, Scalar, isMap, isScalar } from 'yaml';
import type { Document as YamlDocument, Pair, YAMLMap } from 'yaml';
import { BideckError } from '../errors.js';
import type { SourceLocation } from '../errors.js';
import type { DataPath } from '../load/yaml.js';

/** Set the English of one bilingual mapping (a segment's `path`) to `value`. */
export interface EnglishEdit {
  unit: string;
  path: DataPath;
  value: string;
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Write new English texts into YAML source as minimal text splices: only each `en` scalar's own
 * characters change, in the style it was written (plain, quoted, block). Re-serialising the
 * document instead would re-wrap long lines and respace comments all over the file.
 */
export function spliceEnglish(
  text: string,
  doc: YamlDocument.Parsed,
  edits: readonly EnglishEdit[],
  locate: (path: DataPath) => SourceLocation,
): string {
  const splices = edits.map((edit) => spliceFor(text, doc, edit, locate));
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

function spliceFor(text: string, doc: YamlDocument.Parsed, edit: EnglishEdit, locate: (path: DataPath) => SourceLocation): Splice {
  const parent = doc.getIn(edit.path, true);
  const refuse = (why: string): never => {
    throw new BideckError('data', `cannot write the English of unit ${JSON.stringify(edit.unit)}: ${why}`, { location: locate(edit.path) });
  };
  if (!isMap(parent)) return refuse('its text is not written as a mapping (is it an alias?)');
  const node = parent.get('en', true);
  const inFlow = parent.flow === true;
  if (node === undefined) return insertEnglish(text, parent, edit.value, refuse);
  if (!isScalar(node) || !node.range) return refuse('its English is not written as plain text (is it an alias or a tag?)');
  const [start, end] = node.range;
  const original = text.slice(start, end);
  // A block's range takes in its final line break(s); they end the line, so they stay.
  const lineEnd = /\n+$/.exec(original)?.[0] ?? '';
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const indent = blockIndent(original) ?? columnOf(text, start) + 2;
    const block = blockScalar(edit.value, indent, node.type, original);
    if (block !== undefined) return { start, end, text: block + lineEnd };
  }
  return { start, end, text: inlineScalar(edit.value, node.type, inFlow) + lineEnd };
}

/** A mapping without `en` (notes written in Chinese only): add the key after its last pair. */
function insertEnglish(text: string, map: YAMLMap, value: string, refuse: (why: string) => never): Splice {
  const last = map.items.at(-1) as Pair<Scalar, Scalar> | undefined;
  const keyStart = last?.key.range?.[0];
  const valueEnd = last?.value?.range?.[2] ?? last?.key.range?.[2];
  if (map.flow || keyStart === undefined || valueEnd === undefined) {
    return refuse('it has no "en" key, and bideck adds one only to a block mapping (one "key: value" a line); add "en:" by hand');
  }
  const indent = columnOf(text, keyStart);
  const rendered = (value.includes('\n') ? blockScalar(value, indent + 2, 'BLOCK_LITERAL') : undefined) ?? inlineScalar(value, 'PLAIN', false);
  const line = `${' '.repeat(indent)}en: ${rendered}\n`;
  // After the line the last pair ends on (its value's range may stop before a trailing comment).
  if (text[valueEnd - 1] === '\n') return { start: valueEnd, end: valueEnd, text: line };
  const eol = text.indexOf('\n', valueEnd);
  return eol < 0 ? { start: text.length, end: text.length, text: `\n${line}` } : { start: eol + 1, end: eol + 1, text: line };
}

/**
 * A single-line scalar in the original's style where the value allows it; yaml itself decides
 * when plain text would read as something else (`true`, `12`, `a: b`) and quotes it.
 */
function inlineScalar(value: string, type: Scalar['type'], inFlow: boolean): string {
  const wanted = value.includes('\n') ? 'QUOTE_DOUBLE' : type === 'QUOTE_SINGLE' || type === 'QUOTE_DOUBLE' ? type : 'PLAIN';
  const scalar = new Scalar(value);
  scalar.type = wanted;
  // lineWidth 0: never fold; the original line stays one line however long.
  let out = new Document(scalar).toString({ lineWidth: 0 }).replace(/\n$/, '');
  if (out.includes('\n') || (inFlow && !/^["']/.test(out) && /[,[\]{}]/.test(out))) {
    scalar.type = 'QUOTE_DOUBLE';
    out = new Document(scalar).toString({ lineWidth: 0 }).replace(/\n$/, '');
  }
  return out;
}

/**
 * `|-` block text at `indent`, without its final line break, or undefined when the value cannot be written as a block without
 * an indentation indicator (a line starting with a space), would need `|+` (trailing blank
 * lines) or is blank. A single-line value may stay folded (`>-`); several lines need literal (`|`).
 */
function blockScalar(value: string, indent: number, type: 'BLOCK_LITERAL' | 'BLOCK_FOLDED', original?: string): string | undefined {
  const lines = value.replace(/\n$/, '').split('\n');
  if (value.trim() === '' || value.includes('\r') || /\n\n$/.test(value) || lines.some((l) => /^[ \t]/.test(l) || (l.trim() === '' && l !== ''))) return undefined;
  const style = type === 'BLOCK_FOLDED' && lines.length === 1 ? '>' : '|';
  const chomp = value.endsWith('\n') ? '' : '-';
  const comment = original ? /^[|>][-+1-9]*([ \t]+#.*)?/.exec(original)?.[1] ?? '' : '';
  const body = lines.map((l) => (l === '' ? '' : ' '.repeat(indent) + l)).join('\n');
  return `${style}${chomp}${comment}\n${body}`;
}

/** Content indentation of a block scalar's source: the first non-empty line after its header. */
function blockIndent(source: string): number | undefined {
  const line = source.split('\n').slice(1).find((l) => l.trim() !== '');
  return line === undefined ? undefined : line.length - line.trimStart().length;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
