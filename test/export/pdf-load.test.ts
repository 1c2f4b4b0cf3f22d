import fc from 'fast-check';
import { PDFName, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { indexPdf } from '../../src/export/pdf-index.js';
import { VerbatimObject, loadPrinted } from '../../src/export/pdf-load.js';
import { savePdf } from '../../src/export/pdf-save.js';
import { docShape, objectsOf, tableDoc } from '../helpers/pdf-docs.js';

describe('loadPrinted', () => {
  it('keeps structure elements as their bytes and parses the rest; the saved file reads as the whole parse', async () => {
    await fc.assert(
      fc.asyncProperty(docShape, async (shape) => {
        const pdf = await tableDoc(shape);
        const index = indexPdf(pdf);
        const fast = await loadPrinted(pdf, index);
        const whole = await loadPrinted(pdf);
        const verbatim = fast.context.enumerateIndirectObjects().filter(([, o]) => o instanceof VerbatimObject);
        expect(verbatim).toHaveLength(shape.elements.flat().length);
        // Pages, their contents and the structure tree's root are parsed: the post-processing reads them.
        expect(fast.getPageCount()).toBe(shape.pages);
        expect(fast.catalog.get(PDFName.of('StructTreeRoot'))).toBeInstanceOf(PDFRef);
        expect(await objectsOf(await savePdf(fast))).toEqual(await objectsOf(await savePdf(whole)));
      }),
      { numRuns: 40 },
    );
  });

  it('parses the whole file without an index', async () => {
    const pdf = await tableDoc({ pages: 1, elements: [[{ type: 'P' }]], extras: [] });
    const doc = await loadPrinted(pdf);
    expect(doc.context.enumerateIndirectObjects().some(([, o]) => o instanceof VerbatimObject)).toBe(false);
  });
});
