import type { Browser } from 'puppeteer-core';
import { BideckError } from '../errors.js';
import type { Mode } from '../render/deck.js';
import { openPage } from './browser.js';
import { openPrintView } from './pdf.js';
import { prepareTags } from './tags.js';

export interface HandoutOptions {
  mode: Mode;
  /** The sheets from render/handout.ts, with an empty `[data-slide]` frame per slide. */
  sheetsHtml: string;
  css: string;
  timeoutMs?: number;
  /** Untagged for `--draft` proofs. */
  tagged?: boolean;
}

export interface HandoutResult {
  pdf: Uint8Array;
  pages: number;
  /** Slide numbers whose notes do not fit their half sheet even at the smallest size. */
  notesOverflowing: number[];
  blocked: string[];
}

/** Smallest notes text, in pt, before a handout reports that the notes do not fit. */
const MIN_NOTES_PT = 7;

/**
 * The handout is made from the deck file itself: its print view lays every slide out at its
 * real 1280×720 size (the layout plan's sizes included), then each slide's page box moves into
 * its frame on an A4 sheet and is scaled down whole. One `page.pdf()`; text stays text.
 */
export async function exportHandout(browser: Browser, htmlFile: string, options: HandoutOptions): Promise<HandoutResult> {
  const timeout = options.timeoutMs ?? 60_000;
  const page = await openPage(browser);
  const blocked: string[] = [];
  try {
    await openPrintView(page, htmlFile, options.mode, { timeout, blocked });
    const facts = await page.evaluate(layOutSheets, options.sheetsHtml, options.css, MIN_NOTES_PT);
    if (facts.missing.length) {
      throw new BideckError('export', `handout: slide(s) ${facts.missing.join(', ')} not found in the ${options.mode} deck`);
    }
    const tagged = options.tagged !== false;
    if (tagged) await prepareTags(page);
    const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged, outline: false, timeout });
    return { pdf, pages: facts.pages, notesOverflowing: facts.overflowing, blocked };
  } catch (cause) {
    if (cause instanceof BideckError) throw cause;
    throw new BideckError('export', `handout export failed: ${(cause as Error).message}`, { cause });
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * Runs in the page (serialised by puppeteer: self-contained, no imports, no closures).
 * @internal
 */
export function layOutSheets(sheetsHtml: string, css: string, minNotesPt: number): { pages: number; missing: number[]; overflowing: number[] } {
  // The deck's print view sizes its pages with an @page rule of its own; the handout's replaces it.
  for (const style of Array.from(document.querySelectorAll('style'))) {
    if (/^\s*@page\s*\{\s*size:\s*\d+px/.test(style.textContent ?? '')) style.remove();
  }
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  document.documentElement.classList.add('bideck-handout');

  const slides = document.querySelector('.reveal .slides');
  if (!slides) return { pages: 0, missing: [], overflowing: [] };
  const pdfPages = new Map<string, Element>();
  for (const p of Array.from(slides.querySelectorAll('.pdf-page'))) {
    const n = p.querySelector<HTMLElement>('section.slide')?.dataset['number'];
    if (n) pdfPages.set(n, p);
  }
  const holder = document.createElement('div');
  holder.innerHTML = sheetsHtml;
  const missing: number[] = [];
  for (const frame of Array.from(holder.querySelectorAll<HTMLElement>('[data-slide]'))) {
    const p = pdfPages.get(frame.dataset['slide'] ?? '');
    if (p) frame.append(p);
    else missing.push(Number(frame.dataset['slide']));
  }
  slides.replaceChildren(...Array.from(holder.children));

  for (const frame of Array.from(slides.querySelectorAll<HTMLElement>('[data-slide]'))) {
    frame.style.setProperty('--handout-scale', String(frame.clientWidth / 1280));
  }
  // Long notes shrink a step at a time, as dense slides do, down to a size still readable.
  const overflowing: number[] = [];
  for (const box of Array.from(slides.querySelectorAll<HTMLElement>('[data-notes]'))) {
    const text = box.querySelector<HTMLElement>('.handout-item__text');
    if (!text) continue;
    let size = 10;
    while (box.scrollHeight > box.clientHeight + 1 && size > minNotesPt) {
      size -= 0.5;
      text.style.setProperty('--notes-size', `${size}pt`);
    }
    if (box.scrollHeight > box.clientHeight + 1) overflowing.push(Number(box.dataset['notes']));
  }
  return { pages: slides.querySelectorAll('.handout-sheet').length, missing, overflowing };
}
