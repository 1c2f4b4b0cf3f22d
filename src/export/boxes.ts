import type { Page } from 'puppeteer-core';
import type { DeckModel, Segment, SegmentKind } from '../model/types.js';
import { plainText } from '../render/markdown.js';
import type { MeasuredBlock, MeasuredSlide, MeasuredText, TextKind } from '../pptx/boxes.js';
import type { Mode } from '../render/deck.js';

/**
 * What the page reports for one text block: its role (the template's class on the language
 * block), the pair it belongs to, and enough of its computed style to set it again.
 */
interface RawText extends Omit<MeasuredText, 'segmentId' | 'source'> {
  type: 'text';
  /** The template's class of the bilingual pair (`point`, `funding__line`, …). */
  role: string;
  /** Index of the bilingual pair among the slide's pairs, counted the same in every mode. */
  pair: number;
  /** Footer and overview pairs: which part of the footer, which area of the list. */
  part?: string;
  /** The text as shown (fallback when no segment or source claims the block). */
  text: string;
  /** Numbers and dates the template writes; they take the mode's language. */
  generated: boolean;
}

interface RawPage {
  id: string;
  background: string;
  blocks: (RawText | Exclude<MeasuredBlock, { type: 'text' }>)[];
}

/**
 * Runs in the print view: every visible slide → its filled boxes, borders, bullets and text
 * blocks, in CSS px relative to the slide. A string, not a function, so no bundler helper
 * (esbuild's `__name`) ends up in code the page runs.
 */
const MEASURE_SCRIPT = String.raw`(() => {
  var hex = function (c) {
    var m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(c || '');
    if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return null;
    return '#' + [m[1], m[2], m[3]].map(function (n) { return Number(n).toString(16).padStart(2, '0'); }).join('');
  };
  var TITLE = '.title-slide__title, .closing__message, .statement__heading, .overview__heading, .area-header__title';
  var CARD = '.initiative, .statement__para, .overview__area';
  var BADGE = '.area-header__number, .statement__index, .funding';
  var RULE = '.title-slide__rule';
  var GENERATED = '.area-header__number, .statement__index, .overview__number, .slide-footer__area, .slide-footer__number, .title-slide__date, .divider__number';
  var MIDDLE = '.area-header__number, .statement__index';
  // Text sits inside padding and borders (the divider's number, a label's tag); centred badges
  // keep their whole box, their text centred in it either way.
  var inset = function (cs, side) { return (parseFloat(cs['padding' + side]) || 0) + (parseFloat(cs['border' + side + 'Width']) || 0); };
  var textBox = null;
  var cellStyle = function (cell) {
    var cs = getComputedStyle(cell);
    var of = function (sel) { var e = cell.querySelector(sel); return e ? getComputedStyle(e) : cs; };
    var zh = of('.t-zh'), en = of('.t-en');
    var st = {
      fontPx: { zh: parseFloat(zh.fontSize), en: parseFloat(en.fontSize) },
      color: { zh: hex(zh.color) || '#000000', en: hex(en.color) || '#000000' },
      bold: { zh: Number(zh.fontWeight) >= 600, en: Number(en.fontWeight) >= 600 },
    };
    var bg = hex(cs.backgroundColor) || hex(getComputedStyle(cell.parentElement).backgroundColor);
    if (bg) st.fill = bg;
    return st;
  };
  var pages = [];
  document.querySelectorAll('.reveal .slides section.slide').forEach(function (s) {
    var sr = s.getBoundingClientRect();
    if (sr.width === 0) return;
    var k = 1280 / sr.width;
    var box = function (x, y, w, h) { return { x: (x - sr.left) * k, y: (y - sr.top) * k, w: w * k, h: h * k }; };
    var pairs = new Map();
    s.querySelectorAll('.t-zh, .t-en').forEach(function (el) {
      if (el.parentElement && !pairs.has(el.parentElement)) pairs.set(el.parentElement, pairs.size);
    });
    var blocks = [];
    textBox = function (el, cs, r) {
      if (el.matches(MIDDLE)) return box(r.left, r.top, r.width, r.height);
      var l = inset(cs, 'Left'), t = inset(cs, 'Top');
      return box(r.left + l, r.top + t, r.width - l - inset(cs, 'Right'), r.height - t - inset(cs, 'Bottom'));
    };
    var blockIndex = function (el) { return Array.prototype.indexOf.call(s.querySelectorAll('.block'), el.closest('.block')); };
    s.querySelectorAll('*').forEach(function (el) {
      if (el.closest('aside.notes, .visually-hidden') || el.getClientRects().length === 0) return;
      var cs = getComputedStyle(el);
      if (cs.visibility === 'hidden') return;
      var r = el.getBoundingClientRect();
      // Tables, charts and pictures are drawn from the data as native objects: measure their
      // geometry once and nothing inside them (a table's caption is ordinary text).
      if (el.closest('table.data-table') && !el.closest('caption')) {
        if (!el.matches('table.data-table')) return;
        var trs = Array.prototype.slice.call(el.querySelectorAll('tr'));
        var first = trs[0], last = trs[trs.length - 1];
        if (!first || !last) return;
        var top = first.getBoundingClientRect().top, bottom = last.getBoundingClientRect().bottom;
        var foot = el.querySelector('tfoot tr');
        var table = {
          type: 'table', block: blockIndex(el), box: box(r.left, top, r.width, bottom - top),
          cols: Array.prototype.map.call(first.children, function (c) { return c.getBoundingClientRect().width * k; }),
          rows: trs.map(function (t) { return t.getBoundingClientRect().height * k; }),
          head: cellStyle(first.children[0]),
          body: cellStyle(el.querySelector('tbody td') || first.children[0]),
          rowHead: cellStyle(el.querySelector('tbody th') || el.querySelector('tbody td') || first.children[0]),
          rule: hex(getComputedStyle(el.querySelector('tbody tr > *') || el).borderBottomColor) || '#000000',
        };
        // Which data rows this page shows: a table the layout continues on the next slide shows
        // some (data-row, when the template writes it; else their order on this page).
        table.bodyRows = Array.prototype.map.call(el.querySelectorAll('tbody tr'), function (tr, n) { return tr.dataset.row !== undefined ? Number(tr.dataset.row) : n; });
        if (foot && foot.children[0]) {
          table.total = cellStyle(foot.children[0]);
          var fcs = getComputedStyle(foot.children[0]), fw = parseFloat(fcs.borderTopWidth);
          if (fw > 0 && fcs.borderTopStyle !== 'none') table.totalRule = { color: hex(fcs.borderTopColor) || '#000000', px: fw };
        }
        blocks.push(table);
        return;
      }
      if (el.closest('.block--chart .chart')) {
        if (el.matches('.chart > svg')) blocks.push({ type: 'chart', block: blockIndex(el), box: box(r.left, r.top, r.width, r.height) });
        return;
      }
      if (el.matches('img.image, img.title-slide__logo')) {
        // object-fit: contain, object-position: left center (deck.css): the picture's own box.
        var cb = { x: r.left + parseFloat(cs.paddingLeft), y: r.top + parseFloat(cs.paddingTop), w: el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight), h: el.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom) };
        var scale = el.naturalWidth > 0 && el.naturalHeight > 0 ? Math.min(cb.w / el.naturalWidth, cb.h / el.naturalHeight) : 1;
        var iw = el.naturalWidth > 0 ? el.naturalWidth * scale : cb.w, ih = el.naturalHeight > 0 ? el.naturalHeight * scale : cb.h;
        var bgi = hex(cs.backgroundColor);
        if (bgi) blocks.push({ type: 'shape', kind: 'card', box: box(r.left, r.top, r.width, r.height), fill: bgi });
        var picture = { type: 'image', block: el.matches('.title-slide__logo') ? 'logo' : blockIndex(el), box: box(cb.x, cb.y + (cb.h - ih) / 2, iw, ih) };
        // PowerPoint shows an SVG only beside a PNG of it (and pptxgenjs cannot draw one in
        // Node): draw it here at 4× its size on the slide; a data: SVG does not taint the canvas.
        if (/^data:image\/svg/.test(el.currentSrc) && iw > 0 && ih > 0) {
          try {
            var cv = document.createElement('canvas');
            cv.width = Math.round(iw * k * 4); cv.height = Math.round(ih * k * 4);
            cv.getContext('2d').drawImage(el, 0, 0, cv.width, cv.height);
            picture.png = cv.toDataURL('image/png');
          } catch (e) { /* left without a PNG: the writer skips an SVG it cannot show */ }
        }
        blocks.push(picture);
        return;
      }
      var bg = hex(cs.backgroundColor);
      if (bg && r.width > 0 && r.height > 0) {
        var kind = el.matches(CARD) ? 'card' : el.matches(BADGE) ? 'badge' : el.matches(RULE) ? 'rule' : 'band';
        blocks.push({ type: 'shape', kind: kind, box: box(r.left, r.top, r.width, r.height), fill: bg });
      }
      ['Top', 'Right', 'Bottom', 'Left'].forEach(function (side) {
        var w = parseFloat(cs['border' + side + 'Width']);
        var c = hex(cs['border' + side + 'Color']);
        if (!(w > 0) || !c || cs['border' + side + 'Style'] === 'none') return;
        var b = side === 'Top' ? box(r.left, r.top, r.width, w) : side === 'Bottom' ? box(r.left, r.bottom - w, r.width, w)
          : side === 'Left' ? box(r.left, r.top, w, r.height) : box(r.right - w, r.top, w, r.height);
        blocks.push({ type: 'shape', kind: 'rule', box: b, fill: c });
      });
      // The timeline's rule is the milestone's ::before; the dot's frame is an outline.
      if (el.matches('.milestone')) {
        var mb = getComputedStyle(el, '::before'), mf = hex(mb.backgroundColor);
        if (mf && mb.content !== 'none') blocks.push({ type: 'shape', kind: 'rule', box: box(r.left + parseFloat(mb.left), r.top + parseFloat(mb.top), parseFloat(mb.width), parseFloat(mb.height)), fill: mf });
      }
      var ow = parseFloat(cs.outlineWidth), oc = hex(cs.outlineColor);
      if (cs.outlineStyle !== 'none' && ow > 0 && oc) {
        var oo = (parseFloat(cs.outlineOffset) || 0) + ow / 2;
        blocks.push({ type: 'shape', kind: 'rule', box: box(r.left - oo, r.top - oo, r.width + 2 * oo, r.height + 2 * oo), stroke: { color: oc, px: ow } });
      }
      if (el.matches('.points > li')) {
        var p = getComputedStyle(el, '::before');
        if (p.content && p.content !== 'none') {
          var bw = parseFloat(p.borderTopWidth) || 0;
          var shape = { type: 'shape', kind: 'bullet', box: box(r.left + parseFloat(p.left), r.top + parseFloat(p.top), parseFloat(p.width), parseFloat(p.height)) };
          var fill = hex(p.backgroundColor);
          if (fill) shape.fill = fill;
          if (bw > 0 && hex(p.borderTopColor)) shape.stroke = { color: hex(p.borderTopColor), px: bw };
          blocks.push(shape);
        }
      }
      var isLang = el.matches('.t-zh, .t-en');
      if (!isLang && !el.matches(GENERATED)) return;
      var lh = parseFloat(cs.lineHeight);
      var fontPx = parseFloat(cs.fontSize);
      var li = el.closest('.points > li');
      var role = isLang ? Array.prototype.filter.call(el.classList, function (c) { return c !== 't-zh' && c !== 't-en'; }).join(' ') : el.className;
      var text = {
        type: 'text',
        kind: el.closest(TITLE) ? 'title' : el.closest('.slide-footer') ? 'footer' : isLang && el.matches('.point') ? 'point' : 'text',
        box: textBox(el, cs, r),
        role: role,
        pair: isLang && el.parentElement ? pairs.get(el.parentElement) : -1,
        generated: !isLang,
        lang: isLang ? (el.classList.contains('t-zh') ? 'zh' : 'en') : 'en',
        text: el.innerText,
        fontPx: fontPx,
        lineHeightPx: isNaN(lh) ? fontPx * 1.2 : lh,
        bold: Number(cs.fontWeight) >= 600,
        color: hex(cs.color) || '#000000',
        align: cs.textAlign === 'center' ? 'center' : cs.textAlign === 'right' || cs.textAlign === 'end' ? 'right' : 'left',
      };
      if (el.matches(MIDDLE)) { text.middle = true; text.align = 'center'; }
      if (cs.whiteSpace === 'nowrap' || !isLang) text.nowrap = true;
      if (li && isLang) text.level = Number((/points--level(\d+)/.exec(li.parentElement.className) || [])[1] || 1);
      if (el.closest('.slide-footer__mark')) text.part = 'wordmark';
      else if (el.closest('.slide-footer__section')) text.part = 'area';
      else if (el.closest('.overview__area')) text.part = String(Array.prototype.indexOf.call(el.closest('ol').children, el.closest('.overview__area')));
      blocks.push(text);
    });
    pages.push({ id: s.id, background: hex(getComputedStyle(s).backgroundColor) || '#ffffff', blocks: blocks });
  });
  return pages;
})()`;

/** Measure every slide of the print view in its current mode (call after the mode is set). */
export async function measureBoxes(page: Page, model: DeckModel, mode: Mode): Promise<MeasuredSlide[]> {
  const raw = (await page.evaluate(MEASURE_SCRIPT)) as RawPage[];
  return resolveBoxes(raw, model, mode);
}

/** The template class of a pair → the segment kind it shows (model/segments.ts). */
const SEGMENT_ROLES: Readonly<Record<string, SegmentKind>> = {
  initiative__line: 'title',
  point: 'point',
  para__line: 'paragraph',
  funding__line: 'funding',
  statement__headline: 'heading',
  statement__line: 'paragraph',
  overview__headline: 'heading',
  closing__line: 'message',
  'slide-heading__line': 'heading',
  'slide-source__line': 'source',
  initiative__tag: 'label',
  block__capline: 'caption',
  figure__line: 'label',
  comparison__line: 'heading',
  milestone__line: 'point',
  divider__line: 'heading',
  divider__subline: 'subtitle',
  'title-slide__subline': 'subtitle',
  'title-slide__meta': 'subtitle',
};

/**
 * Pure: the page's raw blocks → measured slides with segment ids. The slide's own segments
 * appear in the same order as the template shows them (segments.ts walks the data the way
 * the layouts do), so the n-th segment pair is the n-th segment; a pair whose kind does not
 * match keeps its shown text instead (a custom template that adds or drops text).
 */
export function resolveBoxes(raw: readonly RawPage[], model: DeckModel, mode: Mode): MeasuredSlide[] {
  const byId = new Map(model.slides.map((s) => [s.id, s]));
  let current = model.slides[0];
  return raw.map((p, i) => {
    current = byId.get(p.id) ?? current;
    const slide = current;
    const own = slide ? slide.segments.filter((s) => s.kind !== 'notes' && s.kind !== 'area' && s.kind !== 'meta') : [];
    const claimed = claimSegments(p.blocks, own);
    const blocks = p.blocks.map((b): MeasuredBlock => {
      if (b.type !== 'text') return b;
      const { role, pair, part, text, generated, ...rest } = b;
      const out: { type: 'text' } & MeasuredText = { ...rest, kind: rest.kind as TextKind, ...(generated ? { lang: mode === 'en' ? 'en' : 'zh' } : {}) };
      const segment = claimed.get(pair);
      const source = sourceOf(role, part, slide?.area?.id, model);
      if (segment) out.segmentId = segment;
      else if (source) out.source = source;
      else {
        out.text = text;
        if (pair >= 0) out.pair = pair;
      }
      return out;
    });
    return { slideId: slide?.id ?? p.id, mode, page: i + 1, background: p.background, blocks };
  });
}

const squash = (s: string) => plainText(s).replace(/[\s\u200b]+/g, '');

/**
 * Each segment pair → the slide's segment it shows: the first unclaimed segment of the pair's
 * kind, preferring one whose text is the text shown (the title slide shows presenter before
 * venue, the segments list them the other way round); a pair whose kind no segment has left
 * keeps its shown text instead (a custom template that adds text).
 */
function claimSegments(blocks: RawPage['blocks'], own: readonly Segment[]): Map<number, string> {
  const used = new Set<string>();
  const claimed = new Map<number, string>();
  for (const b of blocks) {
    if (b.type !== 'text' || claimed.has(b.pair) || b.pair < 0) continue;
    const kind = SEGMENT_ROLES[b.role];
    if (!kind) continue;
    const free = own.filter((s) => s.kind === kind && !used.has(s.id));
    const seg = free.find((s) => squash(s.text[b.lang]) === squash(b.text)) ?? free[0];
    if (!seg) continue;
    used.add(seg.id);
    claimed.set(b.pair, seg.id);
  }
  return claimed;
}

function sourceOf(role: string, part: string | undefined, areaId: string | undefined, model: DeckModel): string | undefined {
  if (role === 'area-header__line' && areaId) return `area:${areaId}`;
  if (role === 'overview__line' && part !== undefined) {
    const area = model.areas[Number(part)];
    return area ? `area:${area.id}` : undefined;
  }
  if (role === 'title-slide__line') return 'meta.title';
  // A divider generated before an area shows the area's title.
  if (role === 'divider__line' && areaId) return `area:${areaId}`;
  if (role === 'title-slide__orgline' || role === 'closing__orgline') return 'meta.organisation';
  if (role === 'title-slide__wordmark') return 'wordmark';
  if (role === 'slide-footer__text') return part === 'area' && areaId ? `area:${areaId}` : part === 'wordmark' ? 'wordmark' : undefined;
  return undefined;
}
