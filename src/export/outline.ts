import { PDFHexString, PDFName, PDFNull, PDFNumber } from 'pdf-lib';
import type { PDFDict, PDFDocument, PDFRef } from 'pdf-lib';
import type { OutlineEntry } from '../model/outline.js';

/**
 * Write PDF bookmarks (ISO 32000-1 §12.3.3). Chromium can derive an outline from headings,
 * but it runs a slide's two language blocks together and misses slides reveal.js hides from
 * assistive tech; the deck model knows the real structure.
 */
export function addOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  const pages = doc.getPages();
  const root = doc.context.obj({ Type: 'Outlines' });
  const rootRef = doc.context.register(root);
  const count = writeLevel(doc, pages.map((p) => p.ref), entries, rootRef, root);
  root.set(PDFName.of('Count'), PDFNumber.of(count));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
}

/** Writes one level of siblings under `parent`; returns how many items it holds, all levels. */
function writeLevel(doc: PDFDocument, pageRefs: PDFRef[], entries: readonly OutlineEntry[], parentRef: PDFRef, parent: PDFDict): number {
  const refs = entries.map(() => doc.context.nextRef());
  let total = 0;
  entries.forEach((entry, i) => {
    const ref = refs[i] as PDFRef;
    const page = pageRefs[Math.min(entry.page, pageRefs.length - 1)];
    const item = doc.context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: parentRef,
      Dest: [page ?? PDFNull, 'XYZ', null, null, null],
    });
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev) item.set(PDFName.of('Prev'), prev);
    if (next) item.set(PDFName.of('Next'), next);
    let children = 0;
    if (entry.children.length) {
      children = writeLevel(doc, pageRefs, entry.children, ref, item);
      // Positive count: areas open, so readers see the initiatives at once.
      item.set(PDFName.of('Count'), PDFNumber.of(children));
    }
    doc.context.assign(ref, item);
    total += 1 + children;
  });
  parent.set(PDFName.of('First'), refs[0] as PDFRef);
  parent.set(PDFName.of('Last'), refs[refs.length - 1] as PDFRef);
  return total;
}
