import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { openDeck, startBrowser } from '../helpers/browser.js';
import { EXAMPLE_DECK } from '../helpers/example.js';
import { SEED_DECK } from '../helpers/seed.js';

/** axe-core's own bundle, injected into the page as its docs describe (no wrapper needed for puppeteer-core). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG21AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const ID = 'itib-budget-2023-24';
/** The seed, and the example deck with every element (tables, charts, images, figures, timeline). */
const DECKS = [
  { deck: SEED_DECK, id: ID, dir: 'seed' },
  { deck: EXAMPLE_DECK, id: 'budget-it-2025', dir: 'example' },
];

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; failureSummary?: string }[];
}
type RevealWindow = { Reveal: { slide(h: number): void; getTotalSlides(): number; getConfig(): { transition: string } } };

async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE);
  const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG21AA)} } }).then((r) => r.violations)`)) as Violation[];
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`).join('; ')}`);
}

describe('accessible HTML: axe-core at WCAG 2.1 AA, every slide of every mode and the review page (issue 14)', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'bideck-a11y-')), 'dist');
  let browser: Browser;
  beforeAll(async () => {
    await build({ deckPath: SEED_DECK, outDir: out, pdf: false });
    await build({ deckPath: EXAMPLE_DECK, outDir: join(out, '..', 'example'), pdf: false });
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases = DECKS.flatMap(({ id, dir }) => (['bi', 'zh', 'en'] as const).map((mode) => ({ dir, mode, file: mode === 'bi' ? `${id}.html` : `${id}.${mode}.html` })));
  for (const { dir, mode, file } of cases) {
    it(`${dir} deck, ${mode}: no violations on any slide`, async () => {
      const { page } = await openDeck(browser, join(out, '..', dir === 'seed' ? 'dist' : dir, file));
      // Without the fade, each slide is measured as it rests, not mid-transition.
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      const total = await page.evaluate(() => (window as unknown as RevealWindow).Reveal.getTotalSlides());
      const found: string[] = [];
      for (let h = 0; h < total; h++) {
        await page.evaluate((n) => (window as unknown as RevealWindow).Reveal.slide(n), h);
        found.push(...(await axe(page)).map((v) => `slide ${h + 1}: ${v}`));
      }
      expect(found).toEqual([]);
      await page.close();
    });
  }

  it('review page: no violations', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${join(out, 'review.html')}`, { waitUntil: 'load' });
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('every slide starts with a heading at its level: h1 on the title slide, h2 on the others', async () => {
    const { page } = await openDeck(browser, join(out, `${ID}.html`));
    const first = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.reveal .slides section.slide')).map((s) => s.querySelector('h1, h2, h3, h4, h5, h6')?.tagName ?? 'none'),
    );
    expect(first[0]).toBe('H1');
    expect(first.slice(1).every((t) => t === 'H1' || t === 'H2')).toBe(true);
    await page.close();
  });

  it('the first Tab stop is the language switch, with a visible focus ring; reveal.js controls show focus too', async () => {
    const { page } = await openDeck(browser, join(out, `${ID}.zh.html`));
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { mode: el.dataset['mode'], outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(focused).toEqual({ mode: 'bi', outline: 'solid', width: 3 });
    const control = await page.evaluate(() => {
      const b = document.querySelector('.reveal .controls .navigate-right') as HTMLElement;
      b.focus({ focusVisible: true } as FocusOptions);
      return { label: b.getAttribute('aria-label'), lang: b.getAttribute('lang'), outline: getComputedStyle(b).outlineStyle };
    });
    expect(control).toEqual({ label: '下一張', lang: 'zh-Hant-HK', outline: 'solid' });
    await page.close();
  });

  it('announces a switch of language, in that language, and labels controls in it', async () => {
    const { page } = await openDeck(browser, join(out, `${ID}.html`));
    await page.click('.mode-switch button[data-mode="en"]');
    const state = await page.evaluate(() => {
      const s = document.getElementById('bideck-mode-status') as HTMLElement;
      const next = document.querySelector('.reveal .controls .navigate-right') as HTMLElement;
      return { live: s.getAttribute('aria-live'), lang: s.lang, text: s.textContent, control: next.getAttribute('aria-label') };
    });
    expect(state).toEqual({ live: 'polite', lang: 'en', text: 'Switched to English', control: 'next slide' });
    await page.close();
  });

  it('gives images and the logo alt text in the language on screen', async () => {
    const { page } = await openDeck(browser, join(out, '..', 'example', 'budget-it-2025.zh.html'));
    const alts = () => page.evaluate(() => Array.from(document.querySelectorAll('img[data-alt-zh]')).map((i) => (i as HTMLImageElement).alt));
    const zh = await alts();
    expect(zh.length).toBeGreaterThanOrEqual(2); // the logo and a photo
    expect(zh.every((a) => !/[A-Za-z]/.test(a) && /\p{Script=Han}/u.test(a))).toBe(true);
    await page.click('.mode-switch button[data-mode="en"]');
    expect((await alts()).every((a) => !/\p{Script=Han}/u.test(a) && /[A-Za-z]/.test(a))).toBe(true);
    await page.click('.mode-switch button[data-mode="bi"]');
    expect((await alts()).every((a) => / \/ /.test(a))).toBe(true);
    await page.close();
  });

  it('respects prefers-reduced-motion: no slide transition', async () => {
    const page = await browser.newPage();
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.goto(`file://${join(out, `${ID}.html`)}`, { waitUntil: 'load' });
    await page.waitForFunction('window.bideckReady === true');
    expect(await page.evaluate(() => (window as unknown as RevealWindow).Reveal.getConfig().transition)).toBe('none');
    const moving = await openDeck(browser, join(out, `${ID}.html`));
    expect(await moving.page.evaluate(() => (window as unknown as RevealWindow).Reveal.getConfig().transition)).toBe('fade');
    await Promise.all([page.close(), moving.page.close()]);
  });
});
