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
    out.push(`      <segment state="${unit.state}"${unit.subState ? ` subState="${attr(unit.subState)}"` : ''}>`);
    out.push(`        <source>${text(unit.source)}</source>`);
    if (unit.target !== undefined) out.push(`        <target>${text(unit.target)}</target>`);
    out.push('      </segment>', '    </unit>');
  }
  out.push('  </file>', '</xliff>', '');
  return out.join('\n');
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
