import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { outlineTitles } from '../helpers/outline.js';
import { pdfFonts, pdfInfo, pdfText } from '../helpers/pdf.js';
import { SEED_DECK, squash } from '../helpers/seed.js';
import type { CliRun } from '../helpers/cli.js';

const NOTES_ZH = '開場：說明各項措施如何配合《香港創新科技發展藍圖》。';
const NOTES_EN = 'Opening: how the measures follow the Hong Kong I&T Development Blueprint.';
const A4 = /^594\.96 x 841\.92 pts \(A4\)/;

/** `build --handout`, and `--slides 2-5`, read back with poppler as comms staff would print them. */
describe('handouts and slide ranges', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'bideck-handout-'));
  const full = join(tmp, 'full');
  const part = join(tmp, 'part');
  const file = (dir: string, name: string) => join(dir, `itib-budget-2023-24${name}`);
  let runs: CliRun[];

  beforeAll(async () => {
    // Two builds one after the other: each already runs its PDFs in parallel on this 2-core box.
    runs = [
      await runCli('build', SEED_DECK, '--out', full, '--modes', 'bi', '--handout'),
      await runCli('build', SEED_DECK, '--out', part, '--modes', 'bi,en', '--handout', '--slides', '2-5'),
    ];
  });

  it('writes the handout next to the decks', () => {
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const written = runs[0]?.stdout.split('\n').filter(Boolean).map((f) => f.slice(full.length + 1)) ?? [];
    expect(written).toContain('itib-budget-2023-24.handout.pdf');
    expect(written).toContain('itib-budget-2023-24.pdf');
    expect(written.filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
  });

  it('prints on A4 portrait, two slides a page, with page numbers, title and date', () => {
    const pdf = file(full, '.handout.pdf');
    const info = pdfInfo(pdf);
    expect(info['Pages']).toBe('6'); // 11 slides
    expect(info['Page size']).toMatch(A4);
    for (let page = 1; page <= 6; page++) {
      const text = squash(pdfText(pdf, page));
      expect(text, `page ${page}`).toContain(squash('2023-24年度財政預算案 創新科技及工業局 相關重點措施'));
      expect(text).toContain(squash('2023-24 Budget Key initiatives under ITIB'));
      expect(text).toContain('24/2/2023');
      expect(text).toContain(`${page}/6`);
    }
    // Page 1: the title slide and the opening statement with its bilingual notes, as text.
    const first = squash(pdfText(pdf, 1));
    expect(first).toContain(squash('International I&T Centre'));
    expect(first).toContain(squash(NOTES_ZH));
    expect(first).toContain(squash(NOTES_EN));
  });

  it('draws every slide at its real layout, scaled: the slide text is on the page', () => {
    const pdf = file(full, '.handout.pdf');
    const deck = file(full, '.pdf');
    for (let slide = 1; slide <= 11; slide++) {
      const slideText = squash(pdfText(deck, slide)).slice(0, 40);
      expect(squash(pdfText(pdf, Math.ceil(slide / 2))), `slide ${slide}`).toContain(slideText);
    }
  });

  it('embeds only the brand fonts, as subsets', () => {
    const fonts = pdfFonts(file(full, '.handout.pdf'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+NotoSans(HK)?-(Regular|Bold)$/);
      expect(f.embedded && f.subset).toBe(true);
    }
  });

  it('numbers slides as the deck does: footer number = PDF page number', () => {
    const pdf = file(full, '.pdf');
    for (let page = 2; page <= 10; page++) expect(squash(pdfText(pdf, page)), `page ${page}`).toContain(`${page}/11`);
  });

  it('--slides 2-5 limits the PDFs and the handout, keeping the deck\'s slide numbers', async () => {
    for (const name of ['.pdf', '.en.pdf']) {
      const pdf = file(part, name);
      expect(pdfInfo(pdf)['Pages']).toBe('4');
      expect(squash(pdfText(pdf, 1))).toContain('2/11');
      expect(squash(pdfText(pdf, 4))).toContain('5/11');
    }
    expect(squash(pdfText(file(part, '.en.pdf'), 1))).toContain(squash('International I&T Centre'));
    // Bookmarks open the right pages of the shorter PDF: nothing points past its end.
    expect(await outlineTitles(file(part, '.en.pdf'))).toEqual([
      'International I&T Centre',
      'Areas of key initiatives',
      '1. Develop digital infrastructure and promote digital transformation',
      'Digital Economy',
      'Artificial Intelligence Supercomputing Centre',
      '“iAM Smart” platform',
    ]);
    const handout = file(part, '.handout.pdf');
    expect(pdfInfo(handout)['Pages']).toBe('2');
    expect(pdfInfo(handout)['Page size']).toMatch(A4);
    expect(squash(pdfText(handout, 1))).toContain(squash(NOTES_EN));
    expect(squash(pdfText(handout, 2))).toContain('2/2');
    // The HTML decks stay whole.
    expect(readFileSync(file(part, '.html'), 'utf8').match(/<section class="slide /g)).toHaveLength(11);
  });

  it('refuses a range it cannot honour, as wrong usage (exit 2)', async () => {
    for (const [range, why] of [
      ['0', 'slide numbers start at 1'],
      ['9-3', '9-3 runs backwards'],
      ['x', '"x" is not a slide number or range'],
      ['12', 'slide 12 does not exist'],
      ['3-20', 'slide 20 does not exist'],
    ] as const) {
      const r = await runCli('build', SEED_DECK, '--out', join(tmp, 'never'), '--no-pdf', '--slides', range);
      expect(r.code, range).toBe(2);
      expect(r.stderr).toContain(`error: invalid --slides "${range}": ${why}`);
    }
    const r = await runCli('build', SEED_DECK, '--out', join(tmp, 'never'), '--no-pdf', '--handout');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--handout makes a PDF');
  });
});
