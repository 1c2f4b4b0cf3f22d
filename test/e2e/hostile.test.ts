import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { openDeck, startBrowser } from '../helpers/browser.js';
import { pdfText } from '../helpers/pdf.js';
import { ROOT, squash } from '../helpers/seed.js';

const DECK = join(ROOT, 'test', 'fixtures', 'hostile', 'deck.yaml');
const PAYLOADS = [
  "<script>window.pwned = 'title'</script>標題",
  '<img src=x onerror="window.pwned = \'img\'">Title',
  "{{constructor.constructor('window.pwned = 1')()}}",
  '{{{brand.wordmark.en}}} & {{> bi}}',
  "[click](javascript:window.pwned='link')",
  '"><script>window.pwned = \'attr\'</script> ]]> </aside></section>',
  "Earmark $200M ${window.pwned = 'template'}",
];

/** Script tags, event handlers, javascript: links and {{handlebars}} in data stay inert text. */
describe('hostile text', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'bideck-hostile-')), 'dist');
  let browser: Browser;
  beforeAll(async () => {
    await build({ deckPath: DECK, outDir: out, modes: ['bi'] });
    browser = await startBrowser();
  });
  afterAll(async () => browser?.close());

  it('runs no script from data in the real browser and shows the payloads as text', async () => {
    const file = join(out, 'hostile.html');
    const { page, requests } = await openDeck(browser, file);
    // Visit every slide and hover everything, as a presenter's mouse would.
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => {
        for (const el of Array.from(document.querySelectorAll('.slides *'))) {
          el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
          (el as HTMLElement).click?.();
        }
      });
      await page.keyboard.press('ArrowRight');
    }
    const facts = await page.evaluate(() => ({
      pwned: (window as unknown as { pwned?: unknown }).pwned ?? null,
      scripts: Array.from(document.scripts).map((s) => s.src || s.type || 'inline'),
      handlers: Array.from(document.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}.${a.name}`)),
      injected: document.querySelectorAll('.slides a, .slides img, .slides iframe, .slides svg, .slides style, .slides script, .slides b').length,
      text: document.querySelector('.slides')?.textContent ?? '',
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    }));
    expect(facts.pwned).toBeNull();
    // The print view's flag in <head> (render/deck.ts), the config, reveal.js, its notes, boot.js.
    expect(facts.scripts).toEqual(['inline', 'application/json', 'inline', 'inline', 'inline']);
    expect(facts.handlers).toEqual([]);
    expect(facts.injected).toBe(0);
    for (const p of PAYLOADS) expect(squash(facts.text)).toContain(squash(p));
    // Only the deck's own inline scripts may run, by hash: no 'unsafe-inline', no hosts.
    expect(facts.csp).toMatch(/^default-src 'none'; script-src( 'sha256-[A-Za-z0-9+/=]+')+;/);
    const own = pathToFileURL(file).href;
    expect(requests.filter((u) => u.split(/[?#]/)[0] !== own && !u.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  it('puts the payloads into the PDF as plain text', () => {
    const text = squash(pdfText(join(out, 'hostile.pdf')));
    for (const p of PAYLOADS) expect(text).toContain(squash(p));
  });
});
