import { PDFDict, PDFName } from 'pdf-lib';
import type { PDFDocument } from 'pdf-lib';
import type { OutlineEntry } from '../model/outline.js';
import type { ArtifactWorker } from './artifact-worker.js';
import { applyMarks, contentJobsOf, markArtifacts, markContents } from './artifacts.js';
import type { ContentJob } from './artifacts.js';
import { addOutline } from './outline.js';
import { indexPdf } from './pdf-index.js';
import { loadPrinted } from './pdf-load.js';
import { savePdf } from './pdf-save.js';

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
 * Structure types Chromium writes that PDF 1.7 does not define (they are PDF 2.0's), mapped to
 * the standard type a PDF 1.7 reader should treat them as (ISO 32000-1 §14.7.3; poppler
 * rejects an unmapped Strong: "StructElem object is wrong type").
 */
export const ROLE_MAP: Readonly<Record<string, string>> = { Strong: 'Span', Em: 'Span' };

/**
 * Chromium writes the <title> and little else; comms staff need author, subject, language
 * and a viewer that shows the title instead of the file name (PDF/UA-1 §7.1). Metadata, XMP,
 * the role map and bookmarks are written in one load/save of the PDF.
 */
export async function setPdfMetadata(pdf: Uint8Array, meta: PdfMetadata, worker?: ArtifactWorker): Promise<Uint8Array> {
  // With the file's index, the worker marks the page contents as artifacts while this thread
  // parses the document (export/pdf-load.ts); without it, the marking waits for the parse.
  const index = indexPdf(pdf);
  const jobs = index && contentJobsOf(pdf, index);
  const loading = loadPrinted(pdf, index);
  const early = jobs && { jobs, marked: markContents(jobs.map((j) => j.content), worker, loading.catch(() => undefined)) };
  early?.marked.catch(() => undefined); // awaited below, once the document is parsed
  const doc = await loading;
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
  await finishTags(doc, worker, early);
  // XMP is read by PDF/UA and PDF/A checkers and by search tools that ignore the Info dictionary.
  // UTF-8 and uncompressed (ISO 32000-1 §14.3.2), so tools that do not parse PDF find it.
  const xmp = doc.context.stream(new TextEncoder().encode(xmpPacket(meta)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  return savePdf(doc);
}

/**
 * Map the non-standard structure types of a tagged PDF and mark its untagged content as
 * artifacts (untagged drafts have no tree and need neither).
 */
async function finishTags(doc: PDFDocument, worker?: ArtifactWorker, early?: { jobs: readonly ContentJob[]; marked: ReturnType<typeof markContents> }): Promise<void> {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return;
  if (early) applyMarks(doc, early.jobs, await early.marked);
  else await markArtifacts(doc, worker);
  const map = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict) ?? doc.context.obj({});
  for (const [from, to] of Object.entries(ROLE_MAP)) map.set(PDFName.of(from), PDFName.of(to));
  root.set(PDFName.of('RoleMap'), map);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The XMP packet (ISO 16684-1) with the Info dictionary's facts. No `pdfuaid:part`: it claims
 * PDF/UA-1 conformance, and only some of ISO 14289-1's checks are tested here (README,
 * "Accessible PDFs"); no validator has passed these files.
 */
export function xmpPacket(meta: PdfMetadata): string {
  const date = meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const t = escapeXml;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${t(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${t(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${t(meta.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${t(meta.language)}</rdf:li></rdf:Bag></dc:language>`,
    '<dc:format>application/pdf</dc:format>',
    `<pdf:Keywords>${t(meta.keywords.join(' '))}</pdf:Keywords>`,
    `<pdf:Producer>${t(meta.creator)}</pdf:Producer>`,
    `<xmp:CreatorTool>${t(meta.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
