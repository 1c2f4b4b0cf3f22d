import { describe, expect, it } from 'vitest';
import { loadToolkit } from '../../src/pipeline/stages.js';
import { loadProject } from '../../src/load/project.js';
import { renderHandout } from '../../src/render/handout.js';
import { SEED_DECK } from '../helpers/seed.js';

describe('handout sheets', async () => {
  const [project, toolkit] = await Promise.all([loadProject(SEED_DECK), loadToolkit()]);
  const sheets = (html: string) => html.match(/class="handout-sheet"/g)?.length ?? 0;
  const frames = (html: string) => [...html.matchAll(/data-slide="(\d+)"/g)].map((m) => Number(m[1]));

  it('puts two slides on a sheet, each with its notes, and numbers the sheets', () => {
    const html = renderHandout({ model: project.model, mode: 'bi', sources: toolkit.sources });
    expect(sheets(html)).toBe(6);
    expect(frames(html)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(html).toContain('<div class="handout-sheet__page">1 / 6</div>');
    expect(html).toContain('<div class="handout-sheet__page">6 / 6</div>');
    // Notes are set like slide text: <wbr> between Chinese phrases, spans for amounts and 》。 (render/phrases.ts).
    expect(html.replace(/<wbr>|<\/?span[^>]*>/g, '')).toContain('<p class="t-zh" lang="zh-Hant-HK">開場：說明各項措施如何配合《香港創新科技發展藍圖》。</p>');
    expect(html).toContain('開場：<wbr>說明');
    expect(html).toContain('<p class="t-en" lang="en">Opening: how the measures follow the Hong Kong I&amp;T Development Blueprint.</p>');
    expect(html).toContain('<time class="handout-sheet__date" datetime="2023-02-24">24/2/2023</time>');
  });

  it('takes a range, keeping the deck\'s slide numbers', () => {
    const html = renderHandout({ model: project.model, mode: 'bi', sources: toolkit.sources, slides: [3, 4, 5] });
    expect(sheets(html)).toBe(2);
    expect(frames(html)).toEqual([3, 4, 5]);
    expect(html).toContain('<div class="handout-item__number">5</div>');
    expect(html).toContain('2 / 2');
  });

  it('heads each sheet with the title in the languages of its mode', () => {
    const en = renderHandout({ model: project.model, mode: 'en', sources: toolkit.sources });
    expect(en).toContain('2023-24 Budget Key initiatives under ITIB');
    expect(en).not.toContain('財政預算案');
  });
});
