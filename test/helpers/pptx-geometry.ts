import type { Page } from 'puppeteer-core';
import type { Mode } from '../../src/render/deck.js';
import type { PptxFile } from './pptx.js';
import { squash } from './seed.js';

interface TextBlock {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Each bilingual block's visible languages, their union box and the first language's text, as
 * Chromium lays the print view out in `mode`: measured here, independently of export/boxes.ts.
 * Table cells are left out (they live in the native table), and so is screen-reader-only text
 * (a chart's alt text is the chart's description).
 */
export function measureTextBlocks(page: Page, mode: Mode): Promise<TextBlock[][]> {
  return page.evaluate((m) => {
    (window as unknown as { bideckSetMode(m: string): void }).bideckSetMode(m);
    return Array.from(document.querySelectorAll<HTMLElement>('section.slide')).map((s) => {
      const sr = s.getBoundingClientRect();
      const parents = new Set(Array.from(s.querySelectorAll('.t-zh, .t-en')).map((e) => e.parentElement as HTMLElement));
      return Array.from(parents).filter((p) => !p.closest('.slide-footer, aside.notes, .visually-hidden, td, th')).flatMap((p) => {
        const shown = Array.from(p.children).filter((c) => c.matches('.t-zh, .t-en') && !c.matches('.visually-hidden') && c.getClientRects().length > 0) as HTMLElement[];
        if (!shown.length) return [];
        const all = shown.map((e) => e.getBoundingClientRect());
        // Languages stacked share a box; side by side (wordmarks) each has its own.
        const rs = all[1] && all[0] && all[1].top < all[0].bottom - 1 ? [all[0]] : all;
        const x = Math.min(...rs.map((r) => r.left)) - sr.left;
        const y = Math.min(...rs.map((r) => r.top)) - sr.top;
        return [{ text: shown[0]?.innerText ?? '', x, y, w: Math.max(...rs.map((r) => r.right)) - sr.left - x, h: Math.max(...rs.map((r) => r.bottom)) - sr.top - y }];
      });
    });
  }, mode);
}

/** Text boxes of the .pptx off their block in Chromium by more than 2 % of the slide, and how many were compared. */
export function geometryProblems(blocks: TextBlock[][], pptx: PptxFile): { problems: string[]; compared: number } {
  const problems: string[] = [];
  let compared = 0;
  blocks.forEach((slideBlocks, i) => {
    const shapes = pptx.slides[i]?.shapes ?? [];
    for (const b of slideBlocks) {
      const shape = shapes.find((sh) => squash(sh.paragraphs[0]?.text ?? '') === squash(b.text));
      if (!shape) {
        problems.push(`slide ${i + 1}: no text box for "${b.text}"`);
        continue;
      }
      compared++;
      const dx = Math.max(Math.abs(shape.box.x - b.x), Math.abs(shape.box.w - b.w)) / 1280;
      const dy = Math.max(Math.abs(shape.box.y - b.y), Math.abs(shape.box.h - b.h)) / 720;
      if (dx > 0.02 || dy > 0.02) problems.push(`slide ${i + 1} "${b.text}": off by ${(dx * 100).toFixed(1)}% × ${(dy * 100).toFixed(1)}%`);
    }
  });
  return { problems, compared };
}
