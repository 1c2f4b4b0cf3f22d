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
  /** Inline codes of the source the target leaves out (their ids), and where the target is. */
  dropped: { ids: string[]; line: number; column: number } | undefined;
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
  const data = new Map<string, string>();
  for (const od of elements(unit).filter((e) => e.name === 'originalData')) {
    for (const d of elements(od)) if (d.name === 'data' && d.attributes['id']) data.set(d.attributes['id'], d.children.filter((c) => typeof c === 'string').join(''));
  }
  const codes: Codes = { data, source: new Map(), used: new Set() };
  let source = '';
  let target = '';
  let translated = false;
  let parts = 0;
  let where: XmlElement | undefined;
  for (const part of elements(unit)) {
    if (part.name !== 'segment' && part.name !== 'ignorable') continue;
    parts++;
    const src = elements(part).find((e) => e.name === 'source');
    const trg = elements(part).find((e) => e.name === 'target');
    if (!src) fail(file, `unit ${JSON.stringify(id)}: a <${part.name}> has no <source>`);
    const s = content(src, id, file, codes, 'source');
    source += s;
    if (trg) {
      target += content(trg, id, file, codes, 'target');
      where ??= trg;
      if (part.name === 'segment') translated = true;
    } else {
      // An ignorable without target is the same in both languages (§4.3.1.3 of the spec).
      target += part.name === 'ignorable' ? s : '';
    }
  }
  if (parts === 0) fail(file, `unit ${JSON.stringify(id)} has no <segment>`);
  const missing = [...codes.source.keys()].filter((c) => !codes.used.has(c));
  const dropped = translated && missing.length && where ? { ids: missing, line: where.line, column: where.column } : undefined;
  return { id, source, target: translated ? target : undefined, dropped };
}

interface Codes {
  /** `<originalData>`: the markdown marker each data id stands for. */
  data: ReadonlyMap<string, string>;
  /** The source's codes: id → marker. */
  source: Map<string, string>;
  /** The target's codes so far. */
  used: Set<string>;
}

/**
 * Text of a <source>/<target> as markdown: runs as they are, inline codes (`<pc>`, or a
 * `<sc>` … `<ec>` pair, which some CAT tools write instead) as the markers they stand for.
 * A target may move codes but not invent, repeat or cross them.
 */
function content(el: XmlElement, id: string, file: string, codes: Codes, side: 'source' | 'target'): string {
  const open: string[] = [];
  const unit = `unit ${JSON.stringify(id)}`;
  const marker = (code: XmlElement, codeId: string): string => {
    if (side === 'source') {
      const m = codes.data.get(code.attributes['dataRefStart'] ?? code.attributes['dataRef'] ?? '') ?? code.attributes['dispStart'] ?? code.attributes['disp'] ?? (code.attributes['subType'] === 'xlf:i' ? '*' : '**');
      codes.source.set(codeId, m);
      return m;
    }
    const m = codes.source.get(codeId);
    if (m === undefined) fail(file, `${unit}: the target has an inline code (id ${codeId}) the source does not have; remove it, or copy the source's codes`, code);
    if (codes.used.has(codeId)) fail(file, `${unit}: the target has inline code ${codeId} twice; each of the source's codes goes in once`, code);
    codes.used.add(codeId);
    return m;
  };
  const walk = (node: XmlElement): string => {
    let out = '';
    for (const c of node.children) {
      if (typeof c === 'string') {
        out += c;
        continue;
      }
      const codeId = c.attributes['id'] ?? '';
      if (c.name === 'pc') {
        if (!codeId) fail(file, `${unit}: a <pc> has no id`, c);
        const m = marker(c, codeId);
        out += `${m}${walk(c)}${m}`;
      } else if (c.name === 'sc') {
        if (!codeId) fail(file, `${unit}: an <sc> has no id`, c);
        open.push(codeId);
        out += marker(c, codeId);
      } else if (c.name === 'ec') {
        const ref = c.attributes['startRef'] ?? '';
        const top = open.pop();
        if (top !== ref) {
          fail(file, top === undefined
            ? `${unit}: the ${side} closes inline code ${ref} that is not open`
            : `${unit}: inline codes ${top} and ${ref} cross in the ${side} (closed before the code opened inside it); nest them as the source does`, c);
        }
        out += codes.source.get(ref) ?? '';
      } else {
        fail(file, `${unit}: <${el.name}> contains the inline element <${c.name}>; bideck texts have only bold and italic (<pc>), so remove it`, c);
      }
    }
    return out;
  };
  const text = walk(el);
  const [unclosed] = open;
  if (unclosed !== undefined) fail(file, `${unit}: inline code ${unclosed} is opened in the ${side} but never closed; add its <ec startRef="${unclosed}"/>`, el);
  return text;
}

function fail(file: string, message: string, at?: XmlElement): never {
  throw new BideckError('data', message, { location: at ? { file, line: at.line, column: at.column } : { file } });
}
