import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/** Bookmark titles of a PDF in reading order (depth-first). */
export async function outlineTitles(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file));
  const titles: string[] = [];
  const walk = (parent: PDFDict | undefined) => {
    let item = parent?.lookupMaybe(PDFName.of('First'), PDFDict);
    while (item) {
      const t = item.lookup(PDFName.of('Title'));
      if (t instanceof PDFString || t instanceof PDFHexString) titles.push(t.decodeText());
      walk(item);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict));
  return titles;
}
