/**
 * End-to-end: the merged subsets load in Chromium, lay out exactly like the original
 * Fontsource chunks, and page.pdf() embeds ONE subset font per family and weight.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fontFaceCss, subsetFamily } from '../../src/fonts/index.js';

const CHROMIUM = '/usr/bin/chromium';
const ZH = '衞生署 深水埗 石硤尾邨 創新科技及工業局';
const ZH_BOLD = '「再工業化」計劃，申請資格：。';
const EN = 'Innovation — “AVATAR” … HK$10,000';
const EN_BOLD = 'Bold Technology 2025';
const canRun = existsSync(CHROMIUM) && existsSync('/usr/bin/pdffonts');
const require = createRequire(import.meta.url);
const fontsource = (pkg: string, weight: number): string =>
  pathToFileURL(require.resolve(`${pkg}/${weight}.css`)).href;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bideck-embed-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!canRun)('embedding in Chromium', () => {
  it(
    'renders with original metrics and embeds one font per face in the PDF',
    { timeout: 30_000 },
    async () => {
      const text = ZH + ZH_BOLD + EN + EN_BOLD;
      const [zh, en] = await Promise.all([
        subsetFamily({
          source: { packageName: '@fontsource/noto-sans-hk', family: 'Noto Sans HK' },
          weights: [400, 700],
          text,
          cacheDir: dir,
        }),
        subsetFamily({
          source: { packageName: '@fontsource/noto-sans', family: 'Noto Sans' },
          weights: [400, 700],
          text,
          cacheDir: dir,
        }),
      ]);
      const links = [400, 700]
        .flatMap((w) => [
          fontsource('@fontsource/noto-sans-hk', w),
          fontsource('@fontsource/noto-sans', w),
        ])
        .map((href) => `<link rel="stylesheet" href="${href}">`)
        .join('');
      const block = (zhFamily: string, enFamily: string, id: string): string =>
        `<div id="${id}"><p style="font-family:'${zhFamily}'"><span>${ZH}</span></p>` +
        `<p style="font-family:'${zhFamily}';font-weight:700"><span>${ZH_BOLD}</span></p>` +
        `<p style="font-family:'${enFamily}'"><span>${EN}</span></p>` +
        `<p style="font-family:'${enFamily}';font-weight:700"><span>${EN_BOLD}</span></p></div>`;
      const html =
        `<!doctype html><meta charset="utf-8">${links}<style>${fontFaceCss(zh, 'Subset HK')}\n${fontFaceCss(en, 'Subset Latin')}` +
        `body{margin:16px;font-size:32px} span{display:inline-block}</style>` +
        block('Subset HK', 'Subset Latin', 'subset') +
        block('Noto Sans HK', 'Noto Sans', 'original');
      const page = join(dir, 'page.html');
      await writeFile(page, html);

      const browser = await puppeteer.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--allow-file-access-from-files',
        ],
      });
      const pdf = join(dir, 'page.pdf');
      try {
        const tab = await browser.newPage();
        await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
        await tab.evaluate(async () => {
          await document.fonts.ready;
        });
        const boxes = (id: string) =>
          tab.$$eval(`#${id} span`, (spans) =>
            spans.map((s) => {
              const r = s.getBoundingClientRect();
              return [Math.round(r.width * 100) / 100, Math.round(r.height * 100) / 100];
            }),
          );
        const subset = await boxes('subset');
        expect(subset).toEqual(await boxes('original'));
        expect(subset[1]?.[0]).toBeGreaterThan(0);
        const statuses = await tab.evaluate(() =>
          [...document.fonts].filter((f) => f.family.startsWith('Subset')).map((f) => f.status),
        );
        expect(statuses).toEqual(['loaded', 'loaded', 'loaded', 'loaded']);
        await tab.evaluate(() => document.getElementById('original')?.remove());
        await tab.pdf({ path: pdf, width: '900px', height: '400px', printBackground: true });
      } finally {
        await browser.close();
      }

      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .slice(2);
      const rows = fonts.map((line) => line.split(/\s{2,}/));
      expect(rows.map((r) => r[0]?.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
        'NotoSans-Bold',
        'NotoSans-Regular',
        'NotoSansHK-Bold',
        'NotoSansHK-Regular',
      ]);
      for (const line of fonts) expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
      const textOut = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      for (const line of [ZH, ZH_BOLD, EN, EN_BOLD]) expect(textOut).toContain(line);
      execFileSync('pdftoppm', ['-r', '50', '-png', '-singlefile', pdf, join(dir, 'page')]);
      expect(statSync(join(dir, 'page.png')).size).toBeGreaterThan(1000);
    },
  );
});
