/**
 * The live client of the review page `bideck serve` serves at /review (never in built files).
 * On a `reload` event it notes which slide is at the top of the window and how far into it the
 * reader has scrolled, and the filters' state, then reloads; the new page puts the reader back
 * there once its frames are fitted (review.js sets `bideckReviewReady`), since fitting changes
 * every height above. On `failed` it shows the error over the last good page.
 * Plain ES5 in a string, under the review page's hash-only CSP.
 */
export function reviewLiveScript(generation: number): string {
  return `/* bideck serve: live review */
(function () {
  'use strict';
  var generation = ${JSON.stringify(generation)};
  var KEY = 'bideck-review-position';
  function barBottom() {
    var bar = document.querySelector('.rv-bar');
    return bar ? bar.getBoundingClientRect().bottom : 0;
  }
  function save() {
    var top = barBottom();
    var slides = document.querySelectorAll('.rv-slide');
    var at = null;
    for (var i = 0; i < slides.length; i++) {
      if (!slides[i].hidden && slides[i].getBoundingClientRect().bottom > top + 1) { at = slides[i]; break; }
    }
    var filters = Array.prototype.map.call(document.querySelectorAll('.rv-filter input:checked'), function (el) { return el.id; });
    sessionStorage.setItem(KEY, JSON.stringify({ slide: at ? at.id : null, offset: at ? top - at.getBoundingClientRect().top : 0, y: window.scrollY, filters: filters }));
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
    var el = s.slide && document.getElementById(s.slide);
    var y = el ? el.getBoundingClientRect().top + window.scrollY - barBottom() + s.offset : s.y;
    window.scrollTo(0, y);
    document.documentElement.dataset.liveRestored = String(generation);
    document.dispatchEvent(new CustomEvent('bideck:review-updated', { detail: { generation: generation } }));
  }
  (function whenReady() {
    if (window.bideckReviewReady) restore(); else window.setTimeout(whenReady, 20);
  })();
  var banner = null;
  function show(error) {
    if (!banner) {
      banner = document.createElement('div');
      banner.id = 'bideck-error';
      banner.setAttribute('role', 'alert');
      banner.setAttribute('style', 'position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:60vh;overflow:auto;margin:0;' +
        'padding:16px 24px;background:rgba(120,16,16,0.94);color:#fff;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap');
      document.body.appendChild(banner);
    }
    banner.textContent = (error.where ? error.where + '\\n' : '') + error.text + '\\nThe page shows the last good build. Save the fixed file to update it.';
  }
  function reload() {
    save();
    source.close();
    window.location.reload();
  }
  var source = new EventSource('/events');
  source.addEventListener('hello', function (e) {
    var data = JSON.parse(e.data);
    if (data.generation !== generation && data.update) return reload();
    if (data.error) show(data.error); else if (banner) { banner.remove(); banner = null; }
  });
  source.addEventListener('reload', function (e) {
    if (JSON.parse(e.data).generation !== generation) reload();
  });
  source.addEventListener('failed', function (e) {
    show(JSON.parse(e.data).error);
  });
})();
`;
}
