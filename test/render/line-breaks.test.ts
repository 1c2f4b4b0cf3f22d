import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { openDeck, startBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/seed.js';

/** One text set at one width: the characters of each line box, and where 」 and ， sit. */
interface Setting {
  width: number;
  lines: string[];
  /** In em: from 」's left edge to ，'s left edge, and to ，'s right edge. */
  bracket?: { advance: number; pair: number };
  overflows: boolean;
}

/**
 * Issue 9.5 on the real rendering: each Chinese point of the fixture, as the build wrote it,
 * is copied into a box of every width from 3 em to 16 em (in ½ em steps) and read back from
 * Chromium's line boxes, one Range per character.
 */
async function settings(page: Page, lang: 'zh' | 'en'): Promise<Map<string, Setting[]>> {
  const entries = await page.evaluate(async (lang) => {
    const FONT = 40;
    const sources = [...document.querySelectorAll(`.points .t-${lang}, .initiative__title .t-${lang}`)];
    const host = document.createElement('div');
    host.style.cssText = 'position: fixed; left: 0; top: 0; z-index: 9999; background: #fff';
    document.querySelector('.reveal')?.append(host);
    await document.fonts.ready;
    const out: Array<[string, Setting[]]> = [];
    for (const source of sources) {
      const box = source.cloneNode(true) as HTMLElement;
      box.style.cssText = `font-size: ${FONT}px; line-height: 1.5; display: block; box-sizing: content-box; padding: 0`;
      host.replaceChildren(box);
      const chars: Array<{ node: Text; i: number }> = [];
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) for (let i = 0; i < (n as Text).data.length; i++) chars.push({ node: n as Text, i });
      const rectOf = ({ node, i }: { node: Text; i: number }) => {
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + 1);
        return r.getBoundingClientRect();
      };
      const results: Setting[] = [];
      for (let em = 3; em <= 16; em += 0.5) {
        box.style.width = `${em * FONT}px`;
        const boxRect = box.getBoundingClientRect();
        const lines: string[] = [];
        let top = NaN;
        let overflows = false;
        let bracket: Setting['bracket'];
        chars.forEach((c, k) => {
          const r = rectOf(c);
          const ch = c.node.data[c.i] ?? '';
          if (r.right > boxRect.right + 1) overflows = true;
          // A space at a line end hangs (or collapses to nothing): it belongs to the line before.
          if (/\s/.test(ch) && lines.length > 0) {
            lines[lines.length - 1] += ' ';
            return;
          }
          if (lines.length === 0 || Math.abs(r.top - top) > FONT / 2) {
            lines.push('');
            top = r.top;
          }
          lines[lines.length - 1] += ch;
          const next = chars[k + 1];
          if (ch === '」' && next && next.node.data[next.i] === '，') {
            const n = rectOf(next);
            if (Math.abs(n.top - r.top) < FONT / 2) bracket = { advance: (n.left - r.left) / FONT, pair: (n.right - r.left) / FONT };
          }
        });
        results.push({ width: em, lines, overflows, ...(bracket ? { bracket } : {}) });
      }
      out.push([box.textContent ?? '', results]);
    }
    host.remove();
    return out;
  }, lang);
  return new Map(entries);
}

const han = (s: string) => s.match(/\p{Script=Han}/gu)?.length ?? 0;
/** `word` is never split across two lines. */
const whole = (s: Setting, word: string) => !s.lines.join('').includes(word) || s.lines.some((l) => l.includes(word));
/** Only where the word fits a line: a narrower box must break it somewhere (the safety valve). */
const fits = (s: Setting, word: string) => s.width >= [...word].length;
/** Narrower than this, a phrase of the fixture (為中小企, 1.1億元) may not fit: the safety valve breaks it. */
const PHRASE_EM = 5;

describe('Chinese line breaks in Chromium (issue 9.5)', () => {
  let browser: Browser;
  let zh: Map<string, Setting[]>;
  let en: Map<string, Setting[]>;

  beforeAll(async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bideck-breaks-')), 'dist');
    await build({ deckPath: join(ROOT, 'test', 'fixtures', 'line-breaks', 'deck.yaml'), outDir: out, modes: ['bi'], pdf: false });
    browser = await startBrowser();
    const { page } = await openDeck(browser, join(out, 'line-breaks.html'), '', '#/breaks');
    zh = await settings(page, 'zh');
    en = await settings(page, 'en');
  }, 120_000);
  afterAll(() => browser?.close());

  const all = () => [...zh.entries()].flatMap(([text, ss]) => ss.map((s) => ({ text, ...s })));

  it('reads every point of the fixture, and wraps them', () => {
    expect([...zh.keys()]).toContain('為中小企提供人工智能服務，每所中學最多100萬元資助');
    expect(all().some((s) => s.lines.length >= 4)).toBe(true);
  });

  it('never splits a word: 服務, 人工智能, 數碼港, 科技', () => {
    for (const s of all().filter((x) => x.width >= PHRASE_EM)) {
      for (const word of ['服務', '人工智能', '數碼港', '科技', '中小企']) if (fits(s, word)) expect(whole(s, word), `${word} at ${s.width} em: ${s.lines.join(' / ')}`).toBe(true);
    }
  });

  it('never splits an amount from its unit: 100萬元, 約2億元, 1.1億元, HK$500,000', () => {
    for (const s of all().filter((x) => x.width >= PHRASE_EM)) {
      for (const amount of ['100萬元', '約2億元', '1.1億元', 'HK$500,000']) if (fits(s, amount)) expect(whole(s, amount), `${amount} at ${s.width} em: ${s.lines.join(' / ')}`).toBe(true);
      expect(s.lines.some((l) => /^元/.test(l)), s.lines.join(' / ')).toBe(false);
    }
    for (const s of [...en.values()].flat()) {
      for (const amount of ['HK$500,000', '$110M', '$200M', '$1M']) expect(whole(s, amount), `${amount}: ${s.lines.join(' / ')}`).toBe(true);
    }
  });

  it('never leaves one ideograph alone on the last line', () => {
    for (const s of all()) {
      const last = s.lines.at(-1) ?? '';
      expect(han(last) === 0 || han(last) >= 2, `${s.width} em: ${s.lines.join(' / ')}`).toBe(true);
    }
  });

  it('sets 」 before ， without a full-width gap', () => {
    const measured = all().flatMap((s) => (s.bracket ? [s.bracket] : []));
    expect(measured.length).toBeGreaterThan(0);
    for (const b of measured) {
      expect(b.advance).toBeLessThan(0.6); // half-width 」 (a full-width one advances 1 em)
      expect(b.pair).toBeLessThanOrEqual(1.51); // 」， takes 1½ em, not 2
    }
  });

  it('still wraps a run too long for its box rather than overflowing (overflow-wrap: anywhere)', () => {
    const text = '協助中小企應用現成基礎數碼方案配套';
    for (const s of zh.get(text) ?? []) expect(s.overflows, `${s.width} em: ${s.lines.join(' / ')}`).toBe(false);
    expect(zh.get(text)?.[0]?.lines.join('')).toBe(text);
  });

  it('breaks English between words and hyphenates nothing', () => {
    // From 8 em every word of the fixture fits a line, so a line may only end at a space or
    // at a hyphen of the data (ready-made): a break inside a word would be hyphenation.
    for (const s of [...en.values()].flat().filter((x) => x.width >= 8)) {
      s.lines.slice(0, -1).forEach((line, k) => {
        const next = s.lines[k + 1] ?? '';
        expect(/[\p{L}\p{N}]$/u.test(line) && /^[\p{L}\p{N}]/u.test(next), `${s.width} em: ${s.lines.join(' / ')}`).toBe(false);
      });
    }
    expect([...en.keys()].join('')).not.toMatch(/\u00ad/);
  });
});
