import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createDebug from 'debug';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import type { BuildResult } from '../../src/pipeline/build.js';
import { pdfText } from '../helpers/pdf.js';
import { SEED_DECK } from '../helpers/seed.js';

/** Every page of a PDF as pixels (pdftoppm's PPM, 30 dpi): equal bytes, equal pages. */
const pixels = (file: string) => execFileSync('pdftoppm', ['-r', '30', file], { maxBuffer: 64 * 1024 * 1024 });

/**
 * A PDF build whose layout is measured prints from the page it measured in (the layout stage
 * sets its slides as planned); one whose decision is cached loads the written deck. Both must
 * give the same PDFs, or the PDFs would depend on whether the content changed since last time.
 */
describe('PDFs from the layout stage’s print view', () => {
  const lines: string[] = [];
  const log = createDebug.log;
  let measured: BuildResult;
  let cached: BuildResult;
  let measuredLines: string[];

  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), 'bideck-view-'));
    createDebug.enable('bideck:pdf,bideck:browser');
    createDebug.log = (...args: unknown[]) => lines.push(args.map(String).join(' '));
    const options = { deckPath: SEED_DECK, cacheDir: join(work, 'cache'), checks: false } as const;
    measured = await build({ ...options, outDir: join(work, 'measured') });
    measuredLines = lines.splice(0);
    cached = await build({ ...options, outDir: join(work, 'cached') });
  }, 180_000);
  afterAll(() => {
    createDebug.disable();
    createDebug.log = log;
  });

  it('prints without loading the deck again when the layout was just measured', () => {
    expect(measuredLines.some((l) => l.includes('print view'))).toBe(false);
    expect(lines.some((l) => l.includes('print view'))).toBe(true);
  });

  it('closes the browser once every PDF has printed, while the last one gets its metadata', () => {
    const closing = lines.findIndex((l) => l.includes('bideck:browser closing'));
    const metadata = lines.map((l, i) => (l.includes('metadata and bookmarks') ? i : -1)).filter((i) => i >= 0);
    const printed = lines.map((l, i) => (l.includes('page.pdf') ? i : -1)).filter((i) => i >= 0);
    expect(metadata).toHaveLength(3);
    expect(closing).toBeGreaterThan(Math.max(...printed));
    expect(closing).toBeLessThan(Math.max(...metadata));
  });

  it('gives the same pages, pixel for pixel, as printing the written deck', () => {
    const pdfs = (r: BuildResult) => r.files.filter((f) => f.endsWith('.pdf')).sort();
    const [a, b] = [pdfs(measured), pdfs(cached)];
    expect(a).toHaveLength(3);
    a.forEach((file, i) => {
      const other = b[i] ?? '';
      expect(pdfText(file)).toBe(pdfText(other));
      expect(pixels(file).equals(pixels(other))).toBe(true);
    });
  });
});
