import type { Browser } from 'puppeteer-core';
import { BideckError } from '../errors.js';
import type { Mode } from '../render/deck.js';
import { openPrintView } from './pdf.js';

/**
 * Which slides overflow, measured the way the PDF export sees them: the deck's print view with
 * its real fonts, after the fit script (templates/boot.js) has shrunk what it can and marked
 * what still does not fit with `data-overflow`. No PDF is made.
 */
export async function measureOverflow(
  browser: Browser,
  decks: readonly { mode: Mode; file: string }[],
  timeoutMs = 60_000,
): Promise<Partial<Record<Mode, string[]>>> {
  const measured = await Promise.all(
    decks.map(async ({ mode, file }) => {
      const page = await browser.newPage();
      try {
        await openPrintView(page, file, mode, timeoutMs, []);
        const ids = await page.evaluate(() =>
          Array.from(document.querySelectorAll('section.slide[data-overflow]')).map((s) => s.id),
        );
        return [mode, ids] as const;
      } catch (cause) {
        throw new BideckError('export', `measuring the ${mode} deck in the browser failed: ${(cause as Error).message}`, { cause });
      } finally {
        await page.close().catch(() => undefined);
      }
    }),
  );
  return Object.fromEntries(measured);
}
