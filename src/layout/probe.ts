/**
 * The measuring half of the layout stage, run inside the deck's print view (page.evaluate of
 * this source: a plain script, so no bundler helper can leak into the page). It only reads
 * the layout and applies the candidate sizes it is told to try; it decides nothing. Every
 * number it returns is CSS px relative to the slide's top-left corner (1280×720).
 *
 * window.bideckProbe:
 *   apply(list)        set each slide's size step, columns and wide card: [{ id, fit, columns, wide? }]
 *   overflowing(ids)   the ids whose content does not fit its boxes as currently applied
 *   rows(ids)          the measured rows of each slide, for splitting (see decide.ts SlideRows)
 *   boxes(ids)         every block of each slide (see types.ts Box), in reading order
 */
export const PROBE_SOURCE = String.raw`(function () {
  'use strict';
  // A key figure's card too: its value does not wrap, so a long amount overflows it sideways.
  var BOXES = '.body, .initiative, .initiative__body, .statement__para, .overview__area, .figure';
  var SLIDE_H = 720;
  function section(id) { return document.getElementById(id); }
  function overflows(el) { return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1; }
  function rel(el, origin) {
    var r = el.getBoundingClientRect();
    return { x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height };
  }
  function outerHeight(el) {
    var cs = getComputedStyle(el);
    return el.getBoundingClientRect().height + parseFloat(cs.marginTop) + parseFloat(cs.marginBottom);
  }
  function visible(el) { return el.getClientRects().length > 0 && getComputedStyle(el).display !== 'none'; }
  var mode = function () { return document.documentElement.dataset.mode; };

  function apply(list) {
    list.forEach(function (a) {
      var s = section(a.id);
      if (!s) return;
      s.style.setProperty('--fit', String(a.fit));
      if (a.columns === 2) s.setAttribute('data-cols2', mode()); else s.removeAttribute('data-cols2');
      if (a.wide !== undefined) s.setAttribute('data-wide', mode() + ':' + a.wide); else s.removeAttribute('data-wide');
    });
  }

  function overflowing(ids) {
    return ids.filter(function (id) {
      var s = section(id);
      if (!s) return false;
      if (overflows(s)) return true;
      var boxes = s.querySelectorAll(BOXES);
      for (var i = 0; i < boxes.length; i++) if (overflows(boxes[i])) return true;
      // Content pushed under the footer (a body that grew instead of overflowing).
      var footer = s.querySelector('.slide-footer');
      var body = s.querySelector('.body');
      if (footer && body && visible(footer) && body.getBoundingClientRect().bottom > footer.getBoundingClientRect().top + 1) return true;
      return false;
    });
  }

  function rowsOf(id) {
    var s = section(id);
    if (!s) return null;
    if (s.classList.contains('slide--statement')) {
      var st = s.querySelector('.statement');
      var body = s.querySelector('.statement__body');
      var paras = Array.prototype.slice.call(body.querySelectorAll('.statement__para'));
      var gap = parseFloat(getComputedStyle(body).rowGap) || 0;
      var bottom = st.getBoundingClientRect().bottom - parseFloat(getComputedStyle(st).paddingBottom);
      return { kind: 'statement', capacity: bottom - body.getBoundingClientRect().top,
        paragraphs: paras.map(function (p) { return p.getBoundingClientRect().height + gap; }) };
    }
    if (s.classList.contains('slide--comparison')) return comparisonRows(s);
    if (s.classList.contains('slide--timeline')) return { kind: 'timeline', milestones: s.querySelectorAll('.milestone').length };
    if (!s.classList.contains('slide--content')) return { kind: 'other' };
    return { kind: 'content', table: tableRows(s), initiatives: Array.prototype.slice.call(s.querySelectorAll('.initiative')).map(function (card) {
      var body = card.querySelector('.initiative__body');
      var rows = [];
      var top = card.querySelector('.initiative__body > .points');
      if (top) Array.prototype.forEach.call(top.children, function (li) {
        var subs = li.querySelector(':scope > .points');
        var subHeights = subs ? Array.prototype.map.call(subs.children, outerHeight) : [];
        var total = outerHeight(li);
        rows.push({ kind: 'point', h: total, subs: subHeights, own: total - subHeights.reduce(function (a, b) { return a + b; }, 0) });
      });
      Array.prototype.forEach.call(card.querySelectorAll('.initiative__body > .para'), function (p) {
        rows.push({ kind: 'para', h: outerHeight(p), subs: [], own: outerHeight(p) });
      });
      return { capacity: body.clientHeight, rows: rows };
    }) };
  }

  // The body rows of the slide's table and the height they may take: from the first row's top to
  // the body's inner bottom, less the total row (repeated header and caption stay above).
  function tableRows(s) {
    var table = s.querySelector('.data-table');
    var body = table && table.closest('.body');
    var rows = table ? table.querySelectorAll('tbody > tr') : [];
    if (!body || !rows.length) return null;
    var foot = table.querySelector('tfoot');
    // The body (and the section) grow with a long table, so its bottom is the 720 px slide's
    // bottom less what follows it (source line, footer) and its own bottom padding.
    var bottom = s.getBoundingClientRect().top + SLIDE_H - parseFloat(getComputedStyle(body).paddingBottom);
    for (var n = body.nextElementSibling; n; n = n.nextElementSibling) if (visible(n)) bottom -= outerHeight(n);
    return {
      capacity: bottom - rows[0].getBoundingClientRect().top - (foot ? foot.getBoundingClientRect().height : 0),
      rows: Array.prototype.map.call(rows, function (r) { return r.getBoundingClientRect().height; }),
    };
  }

  // A comparison's rows: the k-th point of each column side by side, as tall as the taller one.
  function comparisonRows(s) {
    var body = s.querySelector('.body');
    var cols = Array.prototype.slice.call(s.querySelectorAll('.comparison__column'));
    var lists = cols.map(function (c) { return c.querySelector(':scope > .points'); });
    var bottom = s.getBoundingClientRect().top + SLIDE_H - parseFloat(getComputedStyle(body).paddingBottom);
    for (var n = body.nextElementSibling; n; n = n.nextElementSibling) if (visible(n)) bottom -= outerHeight(n);
    var top = 0, count = 0, pad = 0;
    lists.forEach(function (l, i) {
      if (!l) return;
      top = Math.max(top, l.getBoundingClientRect().top);
      count = Math.max(count, l.children.length);
      pad = Math.max(pad, parseFloat(getComputedStyle(cols[i]).paddingBottom));
    });
    bottom -= pad;
    var rows = [];
    for (var k = 0; k < count; k++) rows.push(Math.max.apply(null, lists.map(function (l) { return l && l.children[k] ? outerHeight(l.children[k]) : 0; })));
    return { kind: 'comparison', capacity: bottom - top, rows: rows };
  }

  var KIND = [
    ['.area-header__title', 'header'], ['.initiative__title', 'title'], ['.statement__heading', 'heading'],
    ['.overview__heading', 'heading'], ['.funding', 'funding'], ['.statement__para', 'paragraph'], ['.para', 'paragraph'],
    ['.points li', 'point'], ['.slide-footer', 'footer'],
    // Issue 11's elements: measured like the rest, so overlap, clipping and floors cover them.
    ['.slide-heading', 'heading'], ['.comparison__heading', 'heading'], ['.slide-source', 'source'],
    ['.block__caption', 'caption'], ['.data-table', 'cell'], ['.milestone__when', 'date'], ['.milestone__line', 'milestone'],
    ['.initiative__tag', 'label'], ['.figure__value', 'figure'], ['.figure__line', 'label'],
  ];
  function kindOf(el) {
    for (var i = 0; i < KIND.length; i++) if (el.closest(KIND[i][0])) return KIND[i][1];
    return 'text';
  }

  function boxesOf(id) {
    var s = section(id);
    if (!s) return [];
    var origin = s.getBoundingClientRect();
    var out = [];
    Array.prototype.forEach.call(s.querySelectorAll('.initiative'), function (card) {
      var b = rel(card, origin); b.kind = 'card'; out.push(b);
    });
    Array.prototype.forEach.call(s.querySelectorAll('.t-zh, .t-en'), function (el) {
      // Speaker notes and screen-reader-only text (a chart's alt text) are not on the slide.
      if (el.closest('.notes, .visually-hidden, .bideck-sr-only') || !visible(el)) return;
      var b = rel(el, origin);
      if (b.w === 0 || b.h === 0) return;
      b.kind = kindOf(el);
      b.lang = el.classList.contains('t-zh') ? 'zh' : 'en';
      b.fontPx = parseFloat(getComputedStyle(el).fontSize);
      out.push(b);
    });
    // A chart's labels, at the size they are drawn: the SVG scales its drawing to its box.
    Array.prototype.forEach.call(s.querySelectorAll('.chart svg'), function (svg) {
      if (!visible(svg)) return;
      var scale = svg.getScreenCTM() ? svg.getScreenCTM().a : 1;
      Array.prototype.forEach.call(svg.querySelectorAll('text'), function (t) {
        var b = rel(t, origin);
        if (b.w === 0 || b.h === 0) return;
        b.kind = 'chart';
        b.lang = mode() === 'en' ? 'en' : 'zh';
        b.fontPx = parseFloat(getComputedStyle(t).fontSize) * scale;
        out.push(b);
      });
    });
    var badges = s.querySelectorAll('.funding');
    Array.prototype.forEach.call(badges, function (el) { var b = rel(el, origin); b.kind = 'funding'; b.badge = true; out.push(b); });
    var footer = s.querySelector('.slide-footer');
    if (footer && visible(footer)) { var f = rel(footer, origin); f.kind = 'footer'; f.frame = true; out.push(f); }
    return out;
  }

  window.bideckProbe = {
    apply: apply,
    overflowing: overflowing,
    rows: function (ids) { return ids.map(rowsOf); },
    boxes: function (ids) { return ids.map(boxesOf); },
  };
})();`;
