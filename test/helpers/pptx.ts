import { readFileSync } from 'node:fs';
import JSZip from 'jszip';

/** 1 CSS px in EMU (914400 EMU per inch, 96 px per inch). */
export const EMU_PER_PX = 9525;

export interface PptxParagraph {
  lang: string;
  text: string;
  bold: boolean[];
}

export interface PptxShape {
  name: string;
  /** A title placeholder (<p:ph type="title"/>). */
  title: boolean;
  textBox: boolean;
  /** In CSS px on the 1280×720 slide. */
  box: { x: number; y: number; w: number; h: number };
  paragraphs: PptxParagraph[];
}

/** A native chart (ppt/charts/chartN.xml): what it shows, read from its caches. */
export interface PptxChart {
  xml: string;
  /** Category labels, once (every series repeats them). */
  categories: string[];
  series: { name: string; values: number[] }[];
}

export interface PptxSlide {
  shapes: PptxShape[];
  /** Native tables (<a:tbl>): rows of cells, each cell its paragraphs. */
  tables: PptxParagraph[][][][];
  charts: PptxChart[];
  /** Pictures (<p:pic>): name and alt text (descr). */
  pictures: { name: string; descr: string }[];
  /** Where tables, charts and pictures sit, in CSS px, in the slide's order. */
  frames: { kind: 'table' | 'chart' | 'picture'; box: PptxShape['box'] }[];
  xml: string;
}

export interface PptxFile {
  slides: PptxSlide[];
  notes: PptxParagraph[][];
  sections: { name: string; slides: number }[];
  core: string;
  files: string[];
  /** Size of the slide in EMU (presentation.xml sldSz). */
  size: { cx: number; cy: number };
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function paragraphs(xml: string): PptxParagraph[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => {
    const body = m[1] ?? '';
    const runs = [...body.matchAll(/<a:br\/>|<a:r><a:rPr([^>]*?)\/?>[\s\S]*?<a:t>([\s\S]*?)<\/a:t><\/a:r>/g)];
    return {
      lang: /<a:rPr lang="([^"]+)"/.exec(body)?.[1] ?? '',
      text: runs.map((r) => (r[0] === '<a:br/>' ? '\n' : decode(r[2] ?? ''))).join(''),
      bold: runs.filter((r) => r[0] !== '<a:br/>').map((r) => / b="1"/.test(r[1] ?? '')),
    };
  }).filter((p) => p.text !== '');
}

/** Unzip a .pptx and read what the tests need from its XML. */
export async function readPptx(file: string): Promise<PptxFile> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const files = Object.keys(zip.files);
  const number = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1]);
  const slideFiles = files.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).sort((a, b) => number(a) - number(b));
  const slides = await Promise.all(slideFiles.map(async (f) => {
    const xml = await text(f);
    const shapes = [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m): PptxShape => {
      const sp = m[1] ?? '';
      const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/.exec(sp);
      const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(sp);
      return {
        name: decode(/<p:cNvPr id="\d+" name="([^"]*)"/.exec(sp)?.[1] ?? ''),
        title: /<p:ph\s[^>]*type="title"/.test(sp),
        textBox: /txBox="1"/.test(sp),
        box: {
          x: Number(off?.[1]) / EMU_PER_PX,
          y: Number(off?.[2]) / EMU_PER_PX,
          w: Number(ext?.[1]) / EMU_PER_PX,
          h: Number(ext?.[2]) / EMU_PER_PX,
        },
        paragraphs: paragraphs(/<p:txBody>([\s\S]*?)<\/p:txBody>/.exec(sp)?.[1] ?? ''),
      };
    });
    const rels = await text(f.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels'));
    const target = (id: string) => {
      const t = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
      return t.startsWith('/') ? t.slice(1) : `ppt/slides/${t}`.replace(/[^/]+\/\.\.\//g, '');
    };
    const tables = [...xml.matchAll(/<a:tbl>([\s\S]*?)<\/a:tbl>/g)].map((t) =>
      [...(t[1] ?? '').matchAll(/<a:tr\b[^>]*>([\s\S]*?)<\/a:tr>/g)].map((r) => [...(r[1] ?? '').matchAll(/<a:tc\b[^>]*>([\s\S]*?)<\/a:tc>/g)].map((c) => paragraphs(c[1] ?? ''))),
    );
    const charts = await Promise.all([...xml.matchAll(/<c:chart r:id="([^"]+)"/g)].map(async (m) => {
      const chart = await text(target(m[1] ?? ''));
      const pts = (x: string) => [...x.matchAll(/<c:pt idx="\d+">\s*<c:v>([\s\S]*?)<\/c:v>/g)].map((p) => decode(p[1] ?? ''));
      const series = [...chart.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((sr) => sr[1] ?? '');
      return {
        xml: chart,
        categories: pts(/<c:cat>([\s\S]*?)<\/c:cat>/.exec(series[0] ?? '')?.[1] ?? ''),
        series: series.map((sr) => ({ name: pts(/<c:tx>([\s\S]*?)<\/c:tx>/.exec(sr)?.[1] ?? '').join(''), values: pts(/<c:val>([\s\S]*?)<\/c:val>/.exec(sr)?.[1] ?? '').map(Number) })),
      };
    }));
    const pictures = [...xml.matchAll(/<p:pic>[\s\S]*?<p:cNvPr id="\d+" name="([^"]*)"(?: descr="([^"]*)")?/g)].map((m) => ({ name: decode(m[1] ?? ''), descr: decode(m[2] ?? '') }));
    const frames = [...xml.matchAll(/<p:graphicFrame>([\s\S]*?)<\/p:graphicFrame>|<p:pic>([\s\S]*?)<\/p:pic>/g)].map((m) => {
      const body = m[1] ?? m[2] ?? '';
      const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/.exec(body);
      const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(body);
      return {
        kind: m[2] !== undefined ? ('picture' as const) : body.includes('<a:tbl>') ? ('table' as const) : ('chart' as const),
        box: { x: Number(off?.[1]) / EMU_PER_PX, y: Number(off?.[2]) / EMU_PER_PX, w: Number(ext?.[1]) / EMU_PER_PX, h: Number(ext?.[2]) / EMU_PER_PX },
      };
    });
    return { shapes, tables, charts, pictures, frames, xml };
  }));
  const notes = await Promise.all(slideFiles.map(async (f) => {
    const xml = await text(`ppt/notesSlides/notesSlide${number(f)}.xml`);
    const body = [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m) => m[1] ?? '').find((sp) => /<p:ph type="body"/.test(sp)) ?? '';
    return paragraphs(body);
  }));
  const presentation = await text('ppt/presentation.xml');
  const sections = [...presentation.matchAll(/<p14:section name="([^"]*)"[^>]*>([\s\S]*?)<\/p14:section>/g)].map((m) => ({
    name: decode(m[1] ?? ''),
    slides: [...(m[2] ?? '').matchAll(/<p14:sldId /g)].length,
  }));
  const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation);
  return { slides, notes, sections, core: await text('docProps/core.xml'), files, size: { cx: Number(size?.[1]), cy: Number(size?.[2]) } };
}
