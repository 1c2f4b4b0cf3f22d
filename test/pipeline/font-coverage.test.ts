import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { pdfFonts, pdfText } from '../helpers/pdf.js';
import { ROOT } from '../helpers/seed.js';

/**
 * Issue 10.6: English text was checked against the Chinese face only, so Łódź, Dvořák,
 * İstanbul, ₹ and a combining diaeresis (Zoe + U+0308) were refused though Noto Sans draws them.
 * (Chinese text drawn by a face without them is refused: test/fixtures/invalid/latin-ext-in-chinese.)
 */
describe('each language is checked against the fonts that draw it', () => {
  it('English beyond Latin-1 builds, drawn by the Latin face', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bideck-latin-')), 'dist');
    await build({ deckPath: join(ROOT, 'test', 'fixtures', 'latin-english', 'deck.yaml'), outDir: out, modes: ['en'] });
    const pdf = join(out, 'latin.en.pdf');
    expect(pdfText(pdf).normalize('NFC')).toContain('Łódź, Dvořák, İstanbul, ₹5, Zoë');
    expect(pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSans-Bold', 'NotoSans-Regular']);
  });
});
