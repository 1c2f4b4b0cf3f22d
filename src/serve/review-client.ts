import { errorOverlaySource } from './overlay.js';

/**
 * The live client of the review page `bideck serve` serves at /review (never in built files).
 * On a `reload` event it fetches the new page and, when only slides' content changed (same
 * slides, same styles), swaps the changed slide cards in place, refits the frames and keeps the
 * reader on the same slide at the same scroll position. Anything else (a slide added, new
 * styles or fonts) reloads the page: it notes which slide is at the top of the window, how far
 * into it the reader is and the filters' state, and the new page puts the reader back there
 * once its frames are fitted (review.js sets `bideckReviewReady`). On `failed` it shows the
 * error over the last good page.
 * Plain ES5 in a string, under the review page's hash-only CSP.
 */
export function reviewLiveScript(generation: number): string {
  return `/* bideck serve: live review */
(function () {
  'use strict';
  var generation = ${JSON.stringify(generation)};
  // The slide cards as the server sent them, before review.js fits them (it does so once the
  // fonts have loaded, after this script has run).
  var pristine = Array.prototype.map.call(document.querySelectorAll('.rv-slide'), function (s) { return s.outerHTML; });
  var KEY = 'bideck-review-position';
  function barBottom() {
    var bar = document.querySelector('.rv-bar');
    return bar ? bar.getBoundingClientRect().bottom : 0;
  }
  function where() {
    var top = barBottom();
    var slides = document.querySelectorAll('.rv-slide');
    var at = null;
    for (var i = 0; i < slides.length; i++) {
      if (!slides[i].hidden && slides[i].getBoundingClientRect().bottom > top + 1) { at = slides[i]; break; }
    }
    var filters = Array.prototype.map.call(document.querySelectorAll('.rv-filter input:checked'), function (el) { return el.id; });
    return { slide: at ? at.id : null, offset: at ? top - at.getBoundingClientRect().top : 0, y: window.scrollY, filters: filters };
  }
  function save() {
    sessionStorage.setItem(KEY, JSON.stringify(where()));
  }
  function goBack(s) {
    var el = s.slide && document.getElementById(s.slide);
    var y = el ? el.getBoundingClientRect().top + window.scrollY - barBottom() + s.offset : s.y;
    window.scrollTo(0, y);
    document.documentElement.dataset.liveRestored = String(generation);
    document.dispatchEvent(new CustomEvent('bideck:review-updated', { detail: { generation: generation } }));
  }
  function restore() {
    var saved = sessionStorage.getItem(KEY);
    if (!saved) return;
    sessionStorage.removeItem(KEY);
    var s = JSON.parse(saved);
    s.filters.forEach(function (id) {
      var box = document.getElementById(id);
      if (box && !box.checked) { box.checked = true; box.dispatchEvent(new Event('change')); }
    });
    goBack(s);
  }
  (function whenReady() {
    if (window.bideckReviewReady) restore(); else window.setTimeout(whenReady, 20);
  })();
  /** Same element, new content and attributes: the page's script keeps its references. */
  function copyInto(el, from) {
    Array.prototype.slice.call(el.attributes).forEach(function (a) { if (!from.hasAttribute(a.name)) el.removeAttribute(a.name); });
    Array.prototype.slice.call(from.attributes).forEach(function (a) { el.setAttribute(a.name, a.value); });
    el.innerHTML = from.innerHTML;
  }
  /** The new page's changed slide cards, stats and chips in place; false when that is not enough. */
  function swap(html, next) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var style = function (d) { var s = d.querySelector('style'); return s ? s.textContent : ''; };
    var olds = document.querySelectorAll('.rv-slide');
    var news = doc.querySelectorAll('.rv-slide');
    var oldChips = document.querySelectorAll('.rv-chip');
    var newChips = doc.querySelectorAll('.rv-chip');
    if (!window.bideckReviewRefit || olds.length !== news.length || oldChips.length !== newChips.length || style(doc) !== style(document)) return false;
    var oldDeck = document.querySelector('.rv-deckflags');
    var newDeck = doc.querySelector('.rv-deckflags');
    if (!oldDeck !== !newDeck) return false;
    var at = where();
    var changed = [];
    for (var i = 0; i < olds.length; i++) {
      // Against the card as the server sent it: fitting has since changed the live one.
      if (pristine[i] !== news[i].outerHTML) {
        copyInto(olds[i], news[i]);
        changed.push(olds[i]);
      }
      // A chip keeps its overflow mark unless its slide was refitted.
      if (changed.indexOf(olds[i]) >= 0) copyInto(oldChips[i], newChips[i]);
    }
    if (oldDeck && newDeck) copyInto(oldDeck, newDeck);
    pristine = Array.prototype.map.call(news, function (n) { return n.outerHTML; });
    ['.rv-stats', '.rv-filter__count', '.rv-filter__stale-count', '.rv-bar__deck'].forEach(function (sel) {
      var a = document.querySelector(sel);
      var b = doc.querySelector(sel);
      if (a && b) a.innerHTML = b.innerHTML;
    });
    document.title = doc.title;
    generation = next;
    window.bideckReviewRefit(changed);
    goBack(at);
    return true;
  }
  var busy = false;
  var wanted = generation;
  function update(next) {
    wanted = next;
    if (busy || next === generation) return;
    busy = true;
    fetch('/review', { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.text();
    }).then(function (html) {
      busy = false;
      if (!swap(html, next)) return reload();
      hide();
      // A save while this one was on its way: catch up with it.
      if (wanted !== generation) update(wanted);
    }).catch(function () {
      busy = false;
      reload();
    });
  }
  ${errorOverlaySource('The page shows the last good build. Save the fixed file to update it.')}

  function reload() {
    save();
    source.close();
    window.location.reload();
  }
  var source = new EventSource('/events');
  source.addEventListener('hello', function (e) {
    var data = JSON.parse(e.data);
    if (data.generation !== generation && data.update) return update(data.generation);
    if (data.error) show(data.error); else hide();
  });
  source.addEventListener('reload', function (e) {
    update(JSON.parse(e.data).generation);
  });
  source.addEventListener('failed', function (e) {
    show(JSON.parse(e.data).error);
  });
})();
`;
}
