import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../src/serve/serve.js';
import type { ServeHandle } from '../../src/serve/serve.js';
import { startBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { copySeed } from '../helpers/seed-copy.js';

/** reveal.js on the page, as far as these tests use it. */
type RevealWindow = { Reveal: { getIndices(): { h: number; v: number } } };

const TITLE = 'en: Digital Economy\n'; // the first initiative's title, on slide 4

/** A raw HTTP request, exactly as written: no client-side URL normalisation. */
function rawGet(port: number, path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1000 });
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => (socket.destroy(), resolve(false)));
  });
}

describe('bideck serve, in the real Chromium', () => {
  const seed = copySeed('bideck-serve-');
  const overlay = join(seed.dir, 'templates');
  const original = readFileSync(seed.deck, 'utf8');
  const logs: string[] = [];
  let handle: ServeHandle;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  /**
   * Save the deck with the first initiative's title changed, wait until the page shows it, and
   * say whether the page swapped the slides in place (a marker set before the save survives).
   */
  async function editAndSee(text: string): Promise<{ inPlace: boolean }> {
    await page.evaluate(() => ((window as unknown as { bideckMarker?: boolean }).bideckMarker = true));
    writeFileSync(seed.deck, original.replace(TITLE, `en: ${text}\n`));
    await page.waitForFunction((t) => document.querySelector('.reveal section.present')?.textContent?.includes(t), { polling: 100, timeout: 30_000 }, text);
    return { inPlace: await page.evaluate(() => (window as unknown as { bideckMarker?: boolean }).bideckMarker === true) };
  }

  beforeAll(async () => {
    mkdirSync(overlay);
    handle = await serve({ deckPath: seed.deck, outDir: join(seed.dir, 'dist'), templatesDir: overlay, log: (l) => logs.push(l) });
    browser = await startBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${handle.url}#/3`, { waitUntil: 'load' });
    await page.waitForFunction('window.bideckReady === true', { timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await handle?.close();
  });

  it('listens on 127.0.0.1 only and serves the deck in every mode', async () => {
    expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    for (const [path, lang] of [['/', 'zh-Hant-HK'], ['/zh', 'zh-Hant-HK'], ['/en', 'en']] as const) {
      const res = await rawGet(handle.port, path);
      expect(res.status, path).toBe(200);
      expect(res.body).toContain(`<html lang="${lang}"`);
      expect(res.body).toContain('bideck serve: live reload');
      expect(res.body).toMatch(/connect-src &#x27;self&#x27;|connect-src 'self'/);
    }
    expect(await canConnect('127.0.0.1', handle.port)).toBe(true);
    expect(await canConnect('::1', handle.port)).toBe(false);
    const others = Object.values(networkInterfaces()).flat().filter((a) => a && !a.internal).map((a) => a?.address ?? '');
    for (const address of others) expect(await canConnect(address, handle.port), address).toBe(false);
  });

  // The latency itself (≤ 300 ms edit to reload) is measured by `npm run bench`, not asserted
  // here: a test must not fail because the machine is busy. What makes it fast is asserted:
  // the edit is swapped into the open page, no reload.
  it('shows an edit in place, on the same slide (acceptance 1)', async () => {
    expect(await editAndSee('Digital Economy (warm-up)')).toEqual({ inPlace: true });
    expect(await editAndSee('Digital Economy, edited')).toEqual({ inPlace: true });
    expect(await page.evaluate(() => [(window as unknown as RevealWindow).Reveal.getIndices().h, window.location.hash])).toEqual([3, '#/digital-economy']); // reveal.js names slides by their id
  });

  it('keeps the last good deck under a located error, and the fix clears it (acceptance 2)', async () => {
    const broken = original.replace(TITLE, 'en: "Digital Economy\n');
    const line = original.slice(0, original.indexOf(TITLE)).split('\n').length;
    writeFileSync(seed.deck, broken);
    await page.waitForSelector('#bideck-error', { timeout: 10_000 });
    const overlayText = await page.$eval('#bideck-error', (el) => ({
      where: el.querySelector('.bideck-error__where')?.textContent ?? '',
      text: el.querySelector('.bideck-error__text')?.textContent ?? '',
    }));
    expect(overlayText.where).toBe(`${seed.deck}:${line}:35`);
    expect(overlayText.text).toContain('invalid YAML: Missing closing "quote');
    // The previous deck is still there, on the same slide.
    expect(await page.$eval('.reveal section.present', (s) => s.textContent)).toContain('Digital Economy, edited');
    expect(await page.evaluate(() => (window as unknown as RevealWindow).Reveal.getIndices().h)).toBe(3);
    // The terminal says what `bideck build` says.
    const built = await runCli('build', seed.deck, '--no-pdf', '--out', join(seed.dir, 'dist-check'));
    expect(built.code).toBe(3);
    expect(logs.at(-1)).toBe(built.stderr.split('\n').find((l) => l.startsWith('error: ')));

    await editAndSee('Digital Economy, fixed');
    expect(await page.$('#bideck-error')).toBeNull();
  });

  it('shows a template error with its file and line, and recovers when it is removed', async () => {
    const footer = join(overlay, 'partials', 'footer.hbs');
    mkdirSync(join(overlay, 'partials'), { recursive: true });
    writeFileSync(footer, '<footer class="slide-footer">\n{{#if area}}\n</footer>\n');
    await page.waitForSelector('#bideck-error', { timeout: 10_000 });
    const where = await page.$eval('#bideck-error .bideck-error__where', (el) => el.textContent ?? '');
    expect(where).toMatch(/templates\/partials\/footer\.hbs:\d+:\d+$/);
    rmSync(footer);
    await page.waitForFunction(() => !document.querySelector('#bideck-error'), { timeout: 10_000 });
    expect(await page.$eval('.reveal section.present', (s) => s.textContent)).toContain('Digital Economy, fixed');
  });

  it('reloads the page when more than the slides changed, still on the same slide', async () => {
    const navigated = page.waitForNavigation({ waitUntil: 'load', timeout: 10_000 });
    // The deck's title is also the page's <title>: not something a swap of slides can show.
    writeFileSync(seed.deck, original.replace(TITLE, 'en: Digital Economy, fixed\n').replace('      2023-24 Budget\n', '      2023-24 Budget (draft)\n'));
    await navigated;
    // The navigation seen may be a reload the previous test's last save started, not this
    // save's (the title then was not yet the draft's): wait for the page that shows this
    // save, across any further reload, rather than for the first load.
    await page.waitForFunction(
      (t) => (window as unknown as { bideckReady?: boolean }).bideckReady === true && document.title.includes(t),
      { timeout: 30_000, polling: 100 },
      '2023-24 Budget (draft)',
    );
    expect(await page.title()).toContain('2023-24 Budget (draft)');
    expect(await page.evaluate(() => (window as unknown as RevealWindow).Reveal.getIndices().h)).toBe(3);
  });

  it('starts with a broken deck, says so, and turns into the deck once it is fixed', async () => {
    const broken = copySeed('bideck-serve-broken-');
    const good = readFileSync(broken.deck, 'utf8');
    writeFileSync(broken.deck, good.replace(TITLE, 'en: "Digital Economy\n'));
    const second = await serve({ deckPath: broken.deck, outDir: join(broken.dir, 'dist') });
    const tab = await browser.newPage();
    try {
      await tab.goto(second.url, { waitUntil: 'load' });
      expect(await tab.$eval('pre', (el) => el.textContent)).toMatch(/deck\.yaml:\d+:35: invalid YAML/);
      const navigated = tab.waitForNavigation({ waitUntil: 'load', timeout: 10_000 });
      writeFileSync(broken.deck, good);
      await navigated;
      await tab.waitForFunction('window.bideckReady === true', { timeout: 30_000 });
    } finally {
      await tab.close();
      await second.close();
    }
  });

  it('refuses paths outside what it serves and any other Host (acceptance 3)', async () => {
    const port = handle.port;
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2e%2e%2fpackage.json',
      '/..%2fpackage.json',
      '/%2E%2E%5Cpackage.json',
      '/..\\package.json',
      '//etc/passwd',
      '/./package.json',
      `http://127.0.0.1:${port}/../package.json`,
      '/etc/passwd',
      '/package.json',
      '/dist/../deck.yaml',
      '/deck.yaml',
    ]) {
      const res = await rawGet(port, path);
      expect([403, 404], path).toContain(res.status);
      expect(res.body).not.toContain('"name": "bideck"');
      expect(res.body).not.toContain('root:');
    }
    expect((await rawGet(port, '/', `evil.example:${port}`)).status).toBe(403);
    expect((await rawGet(port, '/', '127.0.0.1')).status).toBe(403);
    expect((await rawGet(port, '/', `localhost:${port}`)).status).toBe(200);
    // Another site's page (Fetch Metadata) may not start work here, e.g. a PDF export.
    const foreign = await fetch(`${handle.url}pdf/bi.pdf`, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(foreign.status).toBe(403);
  });

  it('serves the review page of the last good build', async () => {
    const res = await rawGet(handle.port, '/review');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Digital Economy, fixed');
  });

  it('asks nothing of any server but its own', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(handle.url) && !u.startsWith('data:'))).toEqual([]);
  });

  it('makes a PDF on demand, and writes nothing but the output folder', async () => {
    const res = await fetch(`${handle.url}pdf/en.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const files = readdirSync(seed.dir, { recursive: true }).map(String).sort();
    expect(files.filter((f) => !f.startsWith('dist/') && !f.startsWith('dist-check') && !f.startsWith('templates'))).toEqual([
      'brands', 'brands/hkgov.yaml', 'deck.yaml', 'dist', 'glossary.yaml',
    ]);
    expect(files.filter((f) => f.startsWith('dist/'))).toEqual(['dist/.bideck-output.json', 'dist/itib-budget-2023-24.en.html', 'dist/itib-budget-2023-24.en.pdf']);
  });

  it('makes the editable PowerPoint of a mode on demand, from the same export as its PDF', async () => {
    const res = await fetch(`${handle.url}pptx/en.pptx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(join(seed.dir, 'dist')).filter((f) => f.endsWith('.pptx'))).toEqual(['itib-budget-2023-24.en.pptx']);
  });
});
