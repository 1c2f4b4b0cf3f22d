import JSZip from 'jszip';
import type { Notes } from '../schema/text.js';
import { markdownRuns } from './runs.js';
import type { PptxMetadata } from './write.js';

/** A notes page pptxgenjs wrote with `marker` as its text, to be replaced by `notes`. */
export interface NotesPage {
  marker: string;
  notes: Notes;
}

interface Finish {
  meta: PptxMetadata;
  notes: readonly NotesPage[];
  lang: { zh: string; en: string };
  fonts: { zh: string; en: string };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * What pptxgenjs 4.0 cannot be asked for, done on its package:
 * - Chinese runs declare the Big5 character set for their east-Asian face (see fixParagraphs).
 * - a paragraph of several runs gets one <a:pPr> per run, and a soft break sits in front of a
 *   pPr; CT_TextParagraph allows one pPr, first (ECMA-376 Part 1, §21.1.2.2.6), and PowerPoint
 *   offers to "repair" such files. Keep the first.
 * - the end-of-paragraph mark is always en-US: give it the paragraph's language, so text typed
 *   at the end of a Chinese paragraph is proofed as Chinese.
 * - notes are one en-US run: write a paragraph per language, each with its language and bold.
 * - core properties: keywords, language, and dates that SOURCE_DATE_EPOCH can fix.
 */
export async function finishPackage(bytes: Uint8Array, f: Finish): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const date = f.meta.date;
  const byMarker = new Map(f.notes.map((n) => [n.marker, n]));
  for (const name of Object.keys(zip.files)) {
    const file = zip.files[name];
    if (!file || file.dir) continue;
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) zip.file(name, fixParagraphs(await file.async('string')), { date });
    else if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)) zip.file(name, fixNotes(await file.async('string'), f, byMarker), { date });
    else if (name === 'docProps/core.xml') zip.file(name, coreXml(f.meta), { date });
    else file.date = date;
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

export function fixParagraphs(slideXml: string): string {
  return slideXml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_, body: string) => {
    const fixed = body
      .replace(/(<\/a:r>|<a:br\/>)<a:pPr(?:[^>]*\/>|[^>]*>[\s\S]*?<\/a:pPr>)/g, '$1')
      // pptxgenjs marks every east-Asian face GB2312 (charset -122); for HK text say Big5
      // (-120), so where the face is missing, PowerPoint substitutes a Traditional Chinese one.
      .replace(/(<a:rPr lang="zh-HK"[^>]*>(?:(?!<\/a:rPr>)[\s\S])*?<a:ea [^>]*charset=")-122"/g, '$1-120"');
    const lang = /<a:rPr lang="([^"]+)"/.exec(fixed)?.[1];
    return `<a:p>${lang ? fixed.replace(/<a:endParaRPr lang="[^"]*"/, `<a:endParaRPr lang="${lang}"`) : fixed}</a:p>`;
  });
}

function fixNotes(notesXml: string, f: Finish, byMarker: ReadonlyMap<string, NotesPage>): string {
  const marker = /@@bideck-notes-\d+@@/.exec(notesXml)?.[0];
  const page = marker === undefined ? undefined : byMarker.get(marker);
  if (page) {
    const paragraphs = (['zh', 'en'] as const)
      .filter((l) => page.notes[l])
      .map((l) => notesParagraph(page.notes[l] ?? '', f.lang[l], f.fonts[l]))
      .join('');
    return notesXml.replace(/<a:p><a:r><a:rPr[^>]*\/><a:t>[^<]*<\/a:t><\/a:r><a:endParaRPr[^>]*\/><\/a:p>/, () => paragraphs);
  }
  return notesXml;
}

function notesParagraph(text: string, lang: string, font: string): string {
  const face = `<a:latin typeface="${xml(font)}"/><a:ea typeface="${xml(font)}"/>`;
  const runs = markdownRuns(text)
    .map((r) => `${r.br ? '<a:br/>' : ''}<a:r><a:rPr lang="${lang}"${r.bold ? ' b="1"' : ''}${r.italic ? ' i="1"' : ''} dirty="0">${face}</a:rPr><a:t>${xml(r.text)}</a:t></a:r>`)
    .join('');
  return `<a:p>${runs}<a:endParaRPr lang="${lang}" dirty="0"/></a:p>`;
}

function coreXml(meta: PptxMetadata): string {
  const when = meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${xml(meta.title)}</dc:title>`,
    `<dc:subject>${xml(meta.subject)}</dc:subject>`,
    `<dc:creator>${xml(meta.author)}</dc:creator>`,
    `<cp:keywords>${xml(meta.keywords.join(', '))}</cp:keywords>`,
    `<dc:language>${xml(meta.language)}</dc:language>`,
    `<cp:lastModifiedBy>${xml(meta.creator)}</cp:lastModifiedBy>`,
    '<cp:revision>1</cp:revision>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}
