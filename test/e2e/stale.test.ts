import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/check/index.js';
import { ExitCode } from '../../src/errors.js';
import { loadProject } from '../../src/load/project.js';
import { build } from '../../src/pipeline/build.js';
import { exportXliff } from '../../src/xliff/index.js';
import { startBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { tempDeck } from '../xliff/temp.js';

/**
 * Issue 12 point 2, acceptance: import a translation, change one Chinese text, and the English
 * is stale everywhere a translator looks: one `check` finding, a diff on the review page (in
 * the real Chromium), the unit marked in a fresh export; `bideck approve` clears it.
 */
describe('stale translations', () => {
  const deck = tempDeck();
  const sources = join(deck, '..', 'deck.sources.json');
  const id = 'ai-and-iam-smart.iam-smart.funding';
  let browser: Browser;

  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('xliff import records the Chinese each English came from', async () => {
    const xlf = join(deck, '..', 'seed.xlf');
    expect((await runCli('xliff', 'export', deck, '-o', xlf)).code).toBe(ExitCode.ok);
    expect(existsSync(sources)).toBe(false);
    expect((await runCli('xliff', 'import', xlf, deck)).code).toBe(ExitCode.ok);
    const record = JSON.parse(readFileSync(sources, 'utf8')) as { segments: Record<string, string> };
    expect(record.segments[id]).toBe('預留約2億元');
    expect(runChecks(await loadProject(deck))).toEqual([]);
  });

  it('one edited Chinese text is exactly one stale-translation finding, with old and new', async () => {
    writeFileSync(deck, readFileSync(deck, 'utf8').replace('zh: 預留約2億元', 'zh: 預留約二億元'));
    const found = runChecks(await loadProject(deck), { only: ['stale-translation'] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'stale-translation', segment: id, lang: 'en', source: { was: '預留約2億元', now: '預留約二億元' } });
    expect(found[0]?.message).toBe(`The Chinese changed after the English was translated: it was “預留約2億元”, it is now “預留約二億元”; update the English, then run bideck approve ${id}.`);
    expect(found[0]?.location?.line).toBeGreaterThan(1);
  });

  it('a fresh export marks that unit, and only it, as needing translation, with the previous source', async () => {
    const { xml } = await exportXliff(deck);
    expect(xml.match(/subState=/g)).toHaveLength(1);
    const unit = /<unit id="ai-and-iam-smart\.iam-smart\.funding">[\s\S]*?<\/unit>/.exec(xml)?.[0] ?? '';
    expect(unit).toContain('<note category="previous-source">預留約2億元</note>');
    expect(unit).toContain('<segment state="initial" subState="bideck:stale">');
    expect(unit).toContain('<source>預留約二億元</source>');
  });

  it('the review page shows the change as a diff and filters on it (real Chromium)', async () => {
    const out = join(deck, '..', 'dist');
    await build({ deckPath: deck, outDir: out, pdf: false });
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(out, 'review.html')).href, { waitUntil: 'load' });
    await page.waitForFunction('window.bideckReviewReady === true', { timeout: 30_000 });
    const row = await page.$eval(`tr[id="seg-${id}"]`, (tr) => ({
      stale: tr.classList.contains('rv-row--stale'),
      del: [...tr.querySelectorAll('.rv-diff del')].map((e) => e.textContent),
      ins: [...tr.querySelectorAll('.rv-diff ins')].map((e) => e.textContent),
      visible: (tr as HTMLElement).offsetHeight > 0,
    }));
    expect(row).toEqual({ stale: true, del: ['2'], ins: ['二'], visible: true });
    await page.click('#rv-only-stale');
    const shown = await page.$$eval('.rv-slide', (slides) => slides.filter((s) => !(s as HTMLElement).hidden).map((s) => s.querySelector(`tr.rv-row--stale`) !== null));
    expect(shown).toEqual([true]);
    await page.close();
  });

  it('bideck approve <id> clears it', async () => {
    const run = await runCli('approve', id, '--deck', deck);
    expect(run.code).toBe(ExitCode.ok);
    expect(run.stderr).toContain(`approved ${id}`);
    expect(runChecks(await loadProject(deck))).toEqual([]);
    expect((await exportXliff(deck)).xml).not.toContain('subState');
    expect((await runCli('approve', 'no-such-id', '--deck', deck)).code).toBe(ExitCode.usage);
  });
});
