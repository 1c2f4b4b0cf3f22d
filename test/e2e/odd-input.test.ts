import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { pdfFonts, pdfText } from '../helpers/pdf.js';
import { ROOT, squash } from '../helpers/seed.js';

/** Legal but unusual input gets a safe rendering: BOM, CRLF, 𨋢 outside the BMP, a long bullet. */
describe('odd but valid input', () => {
  it('builds, with the astral character in the PDF in the brand font', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bideck-odd-')), 'dist');
    const result = await build({ deckPath: join(ROOT, 'test', 'fixtures', 'odd-but-valid', 'deck.yaml'), outDir: out, modes: ['bi'] });
    const text = pdfText(join(out, 'odd.pdf'));
    expect(text).toContain('資助更換舊式𨋢');
    expect(squash(text)).toContain(squash('Subsidise replacing old lifts'));
    expect(squash(text)).toContain(squash('長文字 Long text. Long text.'));
    expect(pdfFonts(join(out, 'odd.pdf')).every((f) => /^[A-Z]{6}\+NotoSans(HK)?-(Regular|Bold)$/.test(f.name))).toBe(true);
    expect(result.overflowing).toEqual({ bi: [] });
  });
});
