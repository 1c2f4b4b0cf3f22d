import { PDFDocument, PDFName } from 'pdf-lib';
import type { OutlineEntry } from '../model/outline.js';
import { addOutline } from './outline.js';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  language: string;
  creator: string;
  /** Fixed for reproducible output when SOURCE_DATE_EPOCH is set. */
  date: Date;
  outline: readonly OutlineEntry[];
}

/**
 * Chromium writes the <title> and little else; comms staff need author, subject, language
 * and a viewer that shows the title instead of the file name (PDF/UA-1 §7.1).
 */
/** Metadata and bookmarks, written in one load/save of the PDF. */
export async function setPdfMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator(meta.creator);
  doc.setProducer(meta.creator);
  doc.setLanguage(meta.language);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  addOutline(doc, meta.outline);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  return doc.save({ useObjectStreams: true });
}
