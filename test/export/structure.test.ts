import { mkdtempSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLE_MAP } from '../../src/export/metadata.js';
import { OBJECTS_PER_STREAM } from '../../src/export/pdf-save.js';
import { build } from '../../src/pipeline/build.js';
import { pdfText, structErrors, structText } from '../helpers/pdf.js';
import { SEED_DECK } from '../helpers/seed.js';

/** Structure types ISO 32000-1 §14.8.4 defines: anything else needs a role map entry. */
const STANDARD = new Set([
  'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
  'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot',
  'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP',
  'Figure', 'Formula', 'Form',
]);

/** Every structure type used in the PDF, and its role map. */
async function structTypes(file: string): Promise<{ types: Set<string>; roleMap: Record<string, string> }> {
  const doc = await PDFDocument.load(readFileSync(file));
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const types = new Set<string>();
  const walk = (node: PDFDict) => {
    const s = node.get(PDFName.of('S'));
    if (s instanceof PDFName) types.add(s.decodeText());
    const k = node.get(PDFName.of('K'));
    const kids = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
    for (const kid of kids) {
      const d = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
      if (d instanceof PDFDict && d.has(PDFName.of('S'))) walk(d);
    }
  };
  walk(root);
  const map = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  const roleMap = Object.fromEntries((map?.entries() ?? []).map(([k, v]) => [k.decodeText(), (v as PDFName).decodeText()]));
  return { types, roleMap };
}

/** Painting operators outside any marked-content sequence, per page (PDF/UA-1 §7.1: none). */
async function unmarkedPainting(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file));
  const found: string[] = [];
  doc.getPages().forEach((page, i) => {
    const contents = page.node.get(PDFName.of('Contents'));
    for (const ref of contents instanceof PDFArray ? contents.asArray() : [contents]) {
      const stream = doc.context.lookup(ref as PDFRef);
      if (!(stream instanceof PDFRawStream)) continue;
      let depth = 0;
      for (const line of inflateSync(stream.contents).toString('latin1').split('\n')) {
        const op = line.trimEnd().split(/\s+|(?<=>>)/).at(-1) ?? '';
        if (op === 'BDC' || op === 'BMC') depth++;
        else if (op === 'EMC') depth--;
        else if (depth === 0 && /^(Tj|TJ|'|"|f|f\*|F|S|s|B|B\*|b|b\*|Do|sh)$/.test(op)) found.push(`page ${i + 1}: ${line}`);
      }
    }
  });
  return found;
}

/** English words as a reader sees them, punctuation trimmed; CJK text dropped. */
function englishWords(text: string): string[] {
  return text.split(/\s+/).map((w) => w.replace(/^[^A-Za-z0-9$]+|[^A-Za-z0-9%]+$/g, '')).filter((w) => /[A-Za-z]/.test(w) && !/[\u3000-\u9fff]/.test(w));
}

const count = (words: string[]) => words.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());

/** The tagged seed PDFs, read back as a PDF/UA checker and a screen reader would (issue 14). */
describe('tagged PDF structure', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'bideck-struct-')), 'dist');
  const en = join(out, 'itib-budget-2023-24.en.pdf');
  const bi = join(out, 'itib-budget-2023-24.pdf');
  beforeAll(async () => {
    await build({ deckPath: SEED_DECK, outDir: out, modes: ['bi', 'en'] });
  });

  it('carries XMP metadata with the title and language, and no PDF/UA claim it does not meet', () => {
    // The packet is stored uncompressed: find it in the raw bytes, then read it as UTF-8.
    const xmp = (file: string) => Buffer.from(/<x:xmpmeta[\s\S]*<\/x:xmpmeta>/.exec(readFileSync(file, 'latin1'))?.[0] ?? '', 'latin1').toString('utf8');
    expect(xmp(en)).toContain('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">2023-24 Budget Key initiatives under ITIB');
    expect(xmp(en)).toContain('<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>');
    expect(xmp(bi)).toContain('<dc:language><rdf:Bag><rdf:li>zh-Hant-HK</rdf:li></rdf:Bag></dc:language>');
    expect(xmp(bi)).toContain('<rdf:li>創新科技及工業局</rdf:li>');
    expect(xmp(en)).not.toContain('pdfuaid');
  });

  it('packs its objects into few compressed object streams, which poppler reads', async () => {
    const raw = readFileSync(bi);
    // Each object stream's /N: how many objects it holds (ISO 32000-1 §7.5.7).
    const sizes = [...raw.toString('latin1').matchAll(/\/Type\s*\/ObjStm[^>]*?\/N\s+(\d+)|\/N\s+(\d+)[^>]*?\/Type\s*\/ObjStm/g)].map((m) => Number(m[1] ?? m[2]));
    const doc = await PDFDocument.load(raw);
    const objects = doc.context.enumerateIndirectObjects().length;
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(OBJECTS_PER_STREAM);
    // pdf-lib's default (50 a stream) would need objects / 50 of them.
    expect(sizes.length).toBeLessThanOrEqual(Math.ceil(objects / OBJECTS_PER_STREAM) + 1);
    expect(structErrors(bi)).toEqual([]);
  });

  it('keeps footers and page numbers out of the structure tree', () => {
    const text = structText(en);
    expect(text).not.toMatch(/\d+\s*\/\s*11/);
    expect(text.match(/HKSAR Government/g)).toHaveLength(2); // the title and closing slides' own line, not 11 footers
    expect(pdfText(en)).toMatch(/4\s*\/\s*11/); // still printed on the page
  });

  it('marks everything outside the structure tree as an artifact (backgrounds, rules, bullets, footers)', async () => {
    for (const file of [en, bi]) expect(await unmarkedPainting(file), file).toEqual([]);
  });

  it('uses standard structure types or maps them (no unmapped Strong)', async () => {
    for (const file of [en, bi]) {
      const { types, roleMap } = await structTypes(file);
      const unmapped = [...types].filter((t) => !STANDARD.has(t) && !STANDARD.has(roleMap[t] ?? ''));
      expect(unmapped, file).toEqual([]);
      expect(structErrors(file), file).toEqual([]);
    }
    expect((await structTypes(bi)).types).toContain('Strong'); // the seed has bold text: the map is exercised
    expect(ROLE_MAP['Strong']).toBe('Span');
  });

  it('keeps the language of each block: English in the bilingual PDF is tagged /Lang (en)', async () => {
    const langs = async (file: string) => {
      const doc = await PDFDocument.load(readFileSync(file));
      return doc.context.enumerateIndirectObjects().map(([, o]) => (o instanceof PDFDict ? o.get(PDFName.of('Lang')) : undefined)).filter((l) => l !== undefined).map(String);
    };
    const bilingual = await langs(bi);
    expect(bilingual.filter((l) => l === '(en)').length).toBeGreaterThan(50);
    // The catalog's and the Document element's: blocks in the document's language need none.
    expect(bilingual.filter((l) => l === '(zh-Hant-HK)')).toHaveLength(2);
    expect(await langs(en)).toEqual(['(en)', '(en)']);
  });

  it('reads English words from the tags as pdftotext reads them from the page: none fused at line breaks', () => {
    const fromTags = count(englishWords(structText(en)));
    // Footers are on the page but not in the tags: compare the page text above the footer.
    const page = englishWords(pdfText(en, undefined, { aboveY: 500 }));
    const fromPage = count(page);
    expect(page.length).toBeGreaterThan(300);
    expect([...fromTags].filter(([w, n]) => fromPage.get(w) !== n)).toEqual([]);
    expect([...fromPage].filter(([w, n]) => fromTags.get(w) !== n)).toEqual([]);
  });
});


describe('--draft', () => {
  it('makes untagged PDFs (no structure tree to build)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bideck-draft-')), 'dist');
    await build({ deckPath: SEED_DECK, outDir: out, modes: ['en'], draft: true });
    const doc = await PDFDocument.load(readFileSync(join(out, 'itib-budget-2023-24.en.pdf')));
    expect(doc.catalog.has(PDFName.of('StructTreeRoot'))).toBe(false);
    expect(doc.getTitle()).toBe('2023-24 Budget Key initiatives under ITIB'); // metadata still written
  });
});
