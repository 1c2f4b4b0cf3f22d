import { codesOf, toInline } from './inline.js';
import type { Code, Inline } from './inline.js';
import { SOURCE_LANG, TARGET_LANG } from './units.js';
import type { XliffUnit } from './units.js';

export interface XliffFile {
  /** The `<file id>`: the deck's id (an NMTOKEN, as XLIFF requires). */
  id: string;
  /** The data file the units come from, for the translator's orientation. */
  original: string;
  units: readonly XliffUnit[];
}

/**
 * An XLIFF 2.0 document (OASIS XLIFF Version 2.0, core only).
 *
 * Written here rather than with the `xliff` package's js2xliff: it cannot put `category` on a
 * note nor `state` on a segment, and its serializer (xml-js) turns a literal "&amp;" in text
 * back into "&" before escaping, so such text would not survive the round trip.
 * `xml:space="preserve"` keeps the line breaks the data writes inside a text.
 */
export function writeXliff(file: XliffFile): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${SOURCE_LANG}" trgLang="${TARGET_LANG}">`,
    `  <file id="${attr(file.id)}" original="${attr(file.original)}" xml:space="preserve">`,
  ];
  for (const unit of file.units) {
    out.push(`    <unit id="${attr(unit.id)}"${unit.shared ? ' translate="no"' : ''}>`);
    if (unit.notes.length) {
      out.push('      <notes>');
      for (const n of unit.notes) out.push(`        <note category="${attr(n.category)}">${text(n.text)}</note>`);
      out.push('      </notes>');
    }
    const source = toInline(unit.source);
    const codes = codesOf(source);
    const target = unit.target === undefined ? undefined : targetInline(unit.target, codes);
    const markers = [...new Set([...codes, ...codesOf(target ?? [])].map((c) => c.marker))];
    const ref = (marker: string) => `d${markers.indexOf(marker) + 1}`;
    if (markers.length) {
      out.push('      <originalData>');
      markers.forEach((m) => out.push(`        <data id="${ref(m)}">${text(m)}</data>`));
      out.push('      </originalData>');
    }
    out.push(`      <segment state="${unit.state}"${unit.subState ? ` subState="${attr(unit.subState)}"` : ''}>`);
    out.push(`        <source>${inline(source, ref)}</source>`);
    if (target !== undefined) out.push(`        <target>${inline(target, ref)}</target>`);
    out.push('      </segment>', '    </unit>');
  }
  out.push('  </file>', '</xliff>', '');
  return out.join('\n');
}

/**
 * The English with its codes numbered as the Chinese's: the n-th bold of the English is the
 * n-th bold of the Chinese, so a CAT tool pairs them. When the two do not have the same codes
 * the English goes as plain text, markers and all, as it is written.
 */
function targetInline(target: string, sourceCodes: readonly Code[]): Inline[] {
  const parts = toInline(target, { next: 1 });
  const codes = codesOf(parts);
  const sameShape = codes.length === sourceCodes.length && (['b', 'i'] as const).every((k) => codes.filter((c) => c.kind === k).length === sourceCodes.filter((c) => c.kind === k).length);
  if (!sameShape) return target === '' ? [] : [target];
  const byKind = { b: sourceCodes.filter((c) => c.kind === 'b'), i: sourceCodes.filter((c) => c.kind === 'i') };
  const seen = { b: 0, i: 0 };
  for (const c of codes) c.id = byKind[c.kind][seen[c.kind]++]?.id ?? c.id;
  return parts;
}

/**
 * Runs as character data, codes as `<pc>` with what XLIFF 2.0 asks of them (§4.3.1.14 and on):
 * an id; dataRefStart / dataRefEnd naming the markdown marker in `<originalData>`; dispStart /
 * dispEnd to show it; type fmt and subType xlf:b (bold) or xlf:i (italic) so tools can render it.
 */
function inline(parts: readonly Inline[], ref: (marker: string) => string): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return text(p);
      const d = ref(p.marker);
      const m = attr(p.marker);
      return `<pc id="${p.id}" type="fmt" subType="xlf:${p.kind}" dataRefStart="${d}" dataRefEnd="${d}" dispStart="${m}" dispEnd="${m}">${inline(p.children, ref)}</pc>`;
    })
    .join('');
}

/**
 * Character data: the markup characters, plus CR and ">" (of "]]>") as references so a parser
 * hands back exactly these characters (XML 1.0 §2.4, and §2.11 would turn a raw CR into LF).
 */
function text(s: string): string {
  return s.replace(/[&<>\r]/g, (c) => ENTITIES[c] ?? c);
}

/** Attribute values also normalise tabs and line breaks to spaces unless escaped (§3.3.3). */
function attr(s: string): string {
  return s.replace(/[&<>"\r\n\t]/g, (c) => ENTITIES[c] ?? c);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};
