import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFStreamWriter } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { OBJECTS_PER_STREAM, savePdf } from '../../src/export/pdf-save.js';
import { objectsOf, tableDoc } from '../helpers/pdf-docs.js';

describe('savePdf', () => {
  it('writes the objects pdf-lib writes, 500 to a zlib-deflated object stream, and poppler reads it', async () => {
    // 1,200 structure elements: three object streams.
    const elements = Array.from({ length: 3 }, () => Array.from({ length: 400 }, () => ({ type: 'P', lang: 'en' })));
    const pdf = await tableDoc({ pages: 3, elements, extras: [{ key: 'Extra', values: [1, 2, 3] }] });
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const saved = await savePdf(doc);
    const theirs = await PDFStreamWriter.forContext((await PDFDocument.load(pdf, { updateMetadata: false })).context, Infinity, true, OBJECTS_PER_STREAM).serializeToBuffer();
    expect(await objectsOf(saved)).toEqual(await objectsOf(theirs));
    const text = Buffer.from(saved).toString('latin1');
    const streams = [...text.matchAll(/\/Type \/ObjStm[^>]*\/N (\d+)|\/N (\d+)[^>]*\/Type \/ObjStm/g)].map((m) => Number(m[1] ?? m[2]));
    expect(streams.length).toBe(Math.ceil((doc.context.enumerateIndirectObjects().length - 3) / OBJECTS_PER_STREAM));
    expect(Math.max(...streams)).toBeLessThanOrEqual(OBJECTS_PER_STREAM);
    // Object streams and the cross-reference stream are compressed.
    expect(text).toMatch(/\/Type \/XRef[^>]*\/Filter \/FlateDecode|\/Filter \/FlateDecode[^>]*\/Type \/XRef/);
    expect(text.match(/\/Type \/ObjStm/g)?.length).toBe(text.match(/\/Type \/ObjStm[^>]*\/Filter \/FlateDecode|\/Filter \/FlateDecode[^>]*\/Type \/ObjStm/g)?.length);
    const file = join(mkdtempSync(join(tmpdir(), 'bideck-save-')), 'saved.pdf');
    writeFileSync(file, saved);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+3/);
  });
});
