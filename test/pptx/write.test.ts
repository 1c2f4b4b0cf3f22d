import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MeasuredBlock, MeasuredSlide } from '../../src/pptx/boxes.js';
import { fixParagraphs } from '../../src/pptx/package.js';
import { markdownRuns } from '../../src/pptx/runs.js';
import { writePptx } from '../../src/pptx/write.js';
import { Brand } from '../../src/schema/brand.js';
import { deckWith } from '../helpers/check.js';
import { readPptx } from '../helpers/pptx.js';

const brand = Brand.parse({
  name: 'Test',
  palette: { primary: '#0b3d6e', onPrimary: '#ffffff', accent: '#c8102e', background: '#ffffff', surface: '#f2f5f9', text: '#1a2433', muted: '#4a5568', funding: '#0b3d6e', onFunding: '#ffffff' },
  wordmark: { zh: '政府', en: 'Government' },
  fonts: { zh: { package: '@fontsource/noto-sans-hk', family: 'Noto Sans HK' }, en: { package: '@fontsource/noto-sans', family: 'Noto Sans' } },
});

const text = (over: Partial<Extract<MeasuredBlock, { type: 'text' }>>): MeasuredBlock => ({
  type: 'text',
  kind: 'text',
  box: { x: 48, y: 100, w: 500, h: 36 },
  lang: 'zh',
  fontPx: 24,
  lineHeightPx: 36,
  bold: false,
  color: '#1a2433',
  align: 'left',
  ...over,
});

describe('markdownRuns', () => {
  it('turns **bold** into bold runs and a newline into a break', () => {
    expect(markdownRuns('設立**主題研究院**，支持\n轉化')).toEqual([
      { text: '設立', bold: false, italic: false, br: false },
      { text: '主題研究院', bold: true, italic: false, br: false },
      { text: '，支持', bold: false, italic: false, br: false },
      { text: '轉化', bold: false, italic: false, br: true },
    ]);
  });
  it('shows markup in data as text, as the deck does', () => {
    expect(markdownRuns('<b>x</b> & y').map((r) => r.text).join('')).toBe('<b>x</b> & y');
  });
});

describe('fixParagraphs', () => {
  it('keeps one pPr per paragraph and gives the end mark the paragraph\'s language (pptxgenjs writes one per run)', () => {
    const xml = '<a:p><a:pPr algn="l"><a:buNone/></a:pPr><a:r><a:rPr lang="zh-HK"/><a:t>a</a:t></a:r><a:br/><a:pPr indent="0"><a:buNone/></a:pPr><a:r><a:rPr lang="zh-HK"/><a:t>b</a:t></a:r><a:endParaRPr lang="en-US" dirty="0"/></a:p>';
    expect(fixParagraphs(xml)).toMatchInlineSnapshot(`"<a:p><a:pPr algn="l"><a:buNone/></a:pPr><a:r><a:rPr lang="zh-HK"/><a:t>a</a:t></a:r><a:br/><a:r><a:rPr lang="zh-HK"/><a:t>b</a:t></a:r><a:endParaRPr lang="zh-HK" dirty="0"/></a:p>"`);
  });
});

describe('fixParagraphs, fonts', () => {
  it('declares Big5 for the east-Asian face of Chinese runs, so a missing face is replaced by a Traditional Chinese one', () => {
    const run = (lang: string) => `<a:r><a:rPr lang="${lang}"><a:ea typeface="F" pitchFamily="34" charset="-122"/></a:rPr><a:t>x</a:t></a:r>`;
    const fixed = fixParagraphs(`<a:p>${run('zh-HK')}${run('en-GB')}</a:p>`);
    expect(fixed).toContain('<a:rPr lang="zh-HK"><a:ea typeface="F" pitchFamily="34" charset="-120"/>');
    expect(fixed).toContain('<a:rPr lang="en-GB"><a:ea typeface="F" pitchFamily="34" charset="-122"/>');
  });
});

describe('writePptx', () => {
  it('writes one slide per measured page, continuation pages included, with notes once and sections by area', async () => {
    const { model } = deckWith({ zh: '數碼**基建**', en: 'Digital **infrastructure**' });
    const content = model.slides[1];
    if (content) content.data.notes = { zh: '備註', en: 'Notes' };
    const page = (slideId: string, n: number, blocks: MeasuredBlock[]): MeasuredSlide => ({ slideId, mode: 'bi', page: n, background: '#ffffff', blocks });
    const slides: MeasuredSlide[] = [
      page('slide-1', 1, [text({ kind: 'title', source: 'meta.title', box: { x: 80, y: 200, w: 1000, h: 75 } })]),
      page('s', 2, [
        { type: 'shape', kind: 'band', box: { x: 0, y: 0, w: 1280, h: 112 }, fill: '#0b3d6e' },
        text({ kind: 'title', source: 'area:a', color: '#ffffff', bold: true }),
        text({ kind: 'point', segmentId: 's.i.p1', box: { x: 96, y: 200, w: 500, h: 36 } }),
        text({ kind: 'point', segmentId: 's.i.p1', lang: 'en', box: { x: 96, y: 240, w: 500, h: 22 }, fontPx: 17, lineHeightPx: 22 }),
      ]),
      // A continuation page of the same slide (the layout stage may split a slide in two).
      page('s', 3, [text({ kind: 'title', source: 'area:a' }), text({ text: '3 / 3', nowrap: true })]),
    ];
    const bytes = await writePptx({
      model,
      brand,
      mode: 'bi',
      slides,
      meta: { title: 'T', author: 'A', subject: 'S', keywords: ['k'], language: 'zh-HK', creator: 'bideck test', company: 'C', date: new Date('2023-02-24T00:00:00Z') },
    });
    const file = join(mkdtempSync(join(tmpdir(), 'bideck-pptx-unit-')), 'x.pptx');
    writeFileSync(file, bytes);
    const pptx = await readPptx(file);
    expect(pptx.slides.length).toBe(3);
    expect(pptx.sections).toEqual([{ name: '開場 | Opening', slides: 1 }, { name: '1. 範疇 | Area', slides: 2 }]);
    expect(pptx.notes.map((n) => n.map((p) => `${p.lang}:${p.text}`))).toEqual([[], ['zh-HK:備註', 'en-GB:Notes'], []]);
    const point = pptx.slides[1]?.shapes.find((s) => s.name === 's.i.p1');
    expect(point?.box).toEqual({ x: 96, y: 200, w: 500, h: 62 });
    expect(point?.paragraphs).toEqual([
      { lang: 'zh-HK', text: '數碼基建', bold: [false, true] },
      { lang: 'en-GB', text: 'Digital infrastructure', bold: [false, true] },
    ]);
    expect(pptx.slides.map((s) => s.shapes.filter((sh) => sh.title).map((sh) => sh.paragraphs[0]?.text))).toEqual([['測試'], ['範疇'], ['範疇']]);
    expect(pptx.slides[2]?.shapes.some((s) => s.paragraphs[0]?.text === '3 / 3')).toBe(true);
    expect(pptx.core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-02-24T00:00:00Z</dcterms:created>');
  });
});
