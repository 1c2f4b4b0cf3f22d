import { describe, expect, it } from 'vitest';
import { plainText, renderInline } from '../../src/render/markdown.js';

/** The phrases a browser may break the rendered HTML into (<wbr> is the only break inside Chinese). */
const phrases = (html: string) => html.replace(/<(?!wbr>)[^>]+>/g, '').split('<wbr>');

describe('phrase breaks in rendered Chinese (issue 9.5)', () => {
  it('breaks between phrases, never inside a word', () => {
    const html = renderInline('為中小企提供人工智能服務，資助數碼港', 'zh');
    expect(phrases(html)).toEqual(['為中小企', '提供', '人工智能', '服務，', '資助', '數碼港']);
  });

  it('keeps an amount with its unit in one no-wrap span, in both languages', () => {
    expect(renderInline('預留約2億元，分別投放4億及1.1億元', 'zh')).toBe(
      '預留<wbr><span class="t-nobr">約2億元</span>，<wbr>分別<wbr>投放<wbr><span class="t-nobr">4億</span><wbr>及<span class="t-nobr">1.1億元</span>',
    );
    expect(renderInline('最多100萬元資助', 'zh')).toContain('<span class="t-nobr">100萬元</span>');
    expect(renderInline('Up to HK$500,000 and $30M', 'en')).toBe(
      'Up to <span class="t-nobr">HK$500,000</span> and <span class="t-nobr">$30M</span>',
    );
  });

  it('keeps escaping and bold', () => {
    const html = renderInline('支持**主題研究院**<script>alert(1)</script> & 科研', 'zh');
    expect(html).toContain('支持<strong><wbr>主題<wbr>研究院</strong>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; 科研');
    expect(html).not.toMatch(/<script/);
  });

  it('obeys kinsoku and trims the blank half of 」 before ，', () => {
    const html = renderInline('增資「科技企業投資基金」，加強投資', 'zh');
    expect(html).toBe('增資<wbr>「科技<wbr>企業<wbr>投資<wbr>基金<span class="t-halt">」</span>，<wbr>加強<wbr>投資');
    expect(html).not.toMatch(/「<wbr>|<wbr>[，。」]/);
  });

  it('never leaves one ideograph alone as the last phrase of a line', () => {
    for (const text of ['數碼港', '發展數碼基建', '支持數碼港\n推出計劃', '預留30億元']) {
      for (const line of renderInline(text, 'zh').split('<br>')) {
        const last = phrases(line).at(-1) ?? '';
        expect(last.match(/\p{Script=Han}/gu)?.length ?? 0, `${text}: ${last}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('leaves English and unmarked text alone', () => {
    expect(renderInline('Promote **Artificial Intelligence** research', 'en')).toBe('Promote <strong>Artificial Intelligence</strong> research');
    expect(renderInline('人工智能服務')).toBe('人工智能服務');
  });

  it('adds no character to the plain text', () => {
    const text = '增資「科技企業投資基金」，**預留**約2億元';
    expect(plainText(text)).toBe('增資「科技企業投資基金」，預留約2億元');
    expect(renderInline(text, 'zh').replace(/<[^>]+>/g, '')).toBe(plainText(text));
  });
});
