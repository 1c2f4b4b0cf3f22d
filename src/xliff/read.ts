import { BideckError } from '../errors.js';
import { SOURCE_LANG } from './units.js';
import { elements, parseXml } from './xml.js';
import type { XmlElement } from './xml.js';

/** A unit as a translator sent it back. */
export interface ReadUnit {
  id: string;
  source: string;
  /** Undefined when no segment has a target: the unit is untranslated. */
  target: string | undefined;
}

/** Far beyond any deck (the seed's export is ~40 KB); refuse before parsing. */
export const MAX_XLIFF_BYTES = 20 * 1024 * 1024;

const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';

/**
 * Parse an XLIFF 2.x document into its units. Every problem is a `data` error naming the file
 * and, where there is one, the unit. A unit's text is the concatenation of its `<segment>` and
 * `<ignorable>` parts in order (XLIFF 2.0 §4.2.2), so a CAT tool may split a unit into sentences.
 */
export function readXliff(xml: string, file: string): ReadUnit[] {
  if (Buffer.byteLength(xml) > MAX_XLIFF_BYTES) fail(file, `file is too large (at most ${MAX_XLIFF_BYTES / 1024 / 1024} MB)`);
  const root = parseXml(xml, file);
  if (root.name !== 'xliff') fail(file, `not an XLIFF file: expected the root element <xliff>, found <${root.name}>`);
  const version = root.attributes['version'] ?? '';
  if (!/^2\.\d$/.test(version) || root.attributes['xmlns'] !== XLIFF_NS) {
    fail(file, `expected XLIFF 2.0 (version="2.0", xmlns="${XLIFF_NS}"), found version ${JSON.stringify(version)}; export XLIFF 2.0 from the translation tool`);
  }
  const srcLang = root.attributes['srcLang'] ?? '';
  if (srcLang.toLowerCase() !== SOURCE_LANG.toLowerCase()) {
    fail(file, `the source language is ${JSON.stringify(srcLang)}; a bideck export has srcLang="${SOURCE_LANG}"`);
  }
  const trgLang = root.attributes['trgLang'] ?? '';
  if (!/^en(-|$)/i.test(trgLang)) fail(file, `the target language is ${JSON.stringify(trgLang)}; expected English (trgLang="en")`);

  const units: ReadUnit[] = [];
  const seen = new Set<string>();
  const walk = (parent: XmlElement) => {
    for (const el of elements(parent)) {
      if (el.name === 'group') walk(el);
      if (el.name !== 'unit') continue;
      const id = el.attributes['id'];
      if (id === undefined || id === '') fail(file, 'a <unit> has no id');
      if (seen.has(id)) fail(file, `unit ${JSON.stringify(id)} appears twice`);
      seen.add(id);
      units.push(readUnit(el, id, file));
    }
  };
  for (const f of elements(root)) if (f.name === 'file') walk(f);
  return units;
}

function readUnit(unit: XmlElement, id: string, file: string): ReadUnit {
  let source = '';
  let target = '';
  let translated = false;
  let parts = 0;
  for (const part of elements(unit)) {
    if (part.name !== 'segment' && part.name !== 'ignorable') continue;
    parts++;
    const src = elements(part).find((e) => e.name === 'source');
    const trg = elements(part).find((e) => e.name === 'target');
    if (!src) fail(file, `unit ${JSON.stringify(id)}: a <${part.name}> has no <source>`);
    const s = content(src, id, file);
    source += s;
    if (trg) {
      target += content(trg, id, file);
      if (part.name === 'segment') translated = true;
    } else {
      // An ignorable without target is the same in both languages (§4.3.1.3 of the spec).
      target += part.name === 'ignorable' ? s : '';
    }
  }
  if (parts === 0) fail(file, `unit ${JSON.stringify(id)} has no <segment>`);
  return { id, source, target: translated ? target : undefined };
}

/** Text of a <source>/<target>: plain characters only; bideck's texts carry no inline codes. */
function content(el: XmlElement, id: string, file: string): string {
  let out = '';
  for (const c of el.children) {
    if (typeof c === 'string') out += c;
    else fail(file, `unit ${JSON.stringify(id)}: <${el.name}> contains the inline element <${c.name}>; bideck texts are plain (markdown), so remove the markup`);
  }
  return out;
}

function fail(file: string, message: string): never {
  throw new BideckError('data', message, { location: { file } });
}
