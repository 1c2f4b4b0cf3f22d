/* bideck review page: frames scaled to fit, slides fitted as the deck fits them, the problems
   filter and keyboard navigation. Runs offline from file://; the page works without it too. */
(function () {
  'use strict';
  var root = document.documentElement;
  var slides = Array.prototype.slice.call(document.querySelectorAll('.rv-slide'));
  var chips = Array.prototype.slice.call(document.querySelectorAll('.rv-chip'));
  var filter = document.getElementById('rv-only-problems');
  var staleFilter = document.getElementById('rv-only-stale');
  var bar = document.querySelector('.rv-bar');

  /** Every frame shows the 1280×720 slide scaled to the frame's width. */
  function rescale() {
    var viewport = Array.prototype.find.call(document.querySelectorAll('.rv-frame__viewport'), function (v) { return v.clientWidth > 0; });
    if (viewport) root.style.setProperty('--rv-scale', String(viewport.clientWidth / 1280));
    root.style.setProperty('--rv-bar-h', bar.offsetHeight + 'px');
  }

  // ── Fit: the deck's own fit (fit.js, inlined in front of this script), so each frame shows
  // what the deck shows. A frame whose slide still overflows is a problem of its slide.
  function fitAll(within) {
    // Laid out by the build (src/layout/): the frames show its decision and its findings are
    // already the slides' flags, the same as `bideck check --json` reports. Nothing to re-decide.
    if (document.querySelector('.rv-frame section.slide[data-laid-out]')) return;
    var frames = Array.prototype.slice.call(document.querySelectorAll('.rv-frame')).filter(function (f) {
      return f.querySelector('section.slide') && (!within || within.indexOf(f.closest('.rv-slide')) >= 0);
    });
    var over = window.bideckFit.fitSections(frames.map(function (f) { return f.querySelector('section.slide'); }));
    frames.forEach(function (frame) {
      var flagged = over.indexOf(frame.querySelector('section.slide')) >= 0;
      frame.toggleAttribute('data-overflow', flagged);
      if (flagged) frame.closest('.rv-slide').setAttribute('data-overflow', '');
    });
    slides.forEach(function (s) {
      var chip = chips[slides.indexOf(s)];
      if (chip && s.hasAttribute('data-overflow')) chip.classList.add('rv-chip--overflow');
    });
    document.querySelector('.rv-filter__count').textContent = '(' + slides.filter(hasProblem).length + ')';
  }

  // ── Filter: only slides with QA findings or an overflowing frame.
  function hasProblem(slide) {
    return Number(slide.dataset.problems) > 0 || slide.hasAttribute('data-overflow');
  }
  function isStale(slide) {
    return Number(slide.dataset.stale) > 0;
  }
  function applyFilter() {
    var only = filter.checked;
    var onlyStale = staleFilter ? staleFilter.checked : false;
    var shown = 0;
    slides.forEach(function (s, i) {
      s.hidden = (only && !hasProblem(s)) || (onlyStale && !isStale(s));
      if (!s.hidden) shown++;
      if (chips[i]) chips[i].classList.toggle('is-filtered', s.hidden);
    });
    document.querySelector('.rv-nomatch').hidden = shown > 0;
    rescale();
  }
  filter.addEventListener('change', applyFilter);
  if (staleFilter) staleFilter.addEventListener('change', applyFilter);

  // ── Keyboard: j/→ next slide, k/← previous, f toggles the filter.
  function visibleSlides() {
    return slides.filter(function (s) { return !s.hidden; });
  }
  /** The focused slide, else the first one not yet scrolled under the bar. */
  function currentIndex(list) {
    var focused = document.activeElement && document.activeElement.closest ? document.activeElement.closest('.rv-slide') : null;
    var at = list.indexOf(focused);
    if (at >= 0) return { index: at, focused: true };
    var top = bar.getBoundingClientRect().bottom;
    for (var i = 0; i < list.length; i++) if (list[i].getBoundingClientRect().top >= top - 2) return { index: i, focused: false };
    return { index: list.length - 1, focused: false };
  }
  function go(step) {
    var list = visibleSlides();
    if (!list.length) return;
    var cur = currentIndex(list);
    var next = cur.focused || step < 0 ? cur.index + step : cur.index;
    var target = list[Math.max(0, Math.min(list.length - 1, next))];
    show(target);
  }
  function show(section) {
    section.focus({ preventScroll: true });
    section.scrollIntoView({ block: 'start' });
    if (window.location.hash !== '#' + section.id) window.history.replaceState(null, '', '#' + section.id);
  }
  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    var t = event.target;
    if (t && (t.isContentEditable || /^(TEXTAREA|SELECT)$/.test(t.tagName) || (t.tagName === 'INPUT' && t.type !== 'checkbox'))) return;
    if (event.key === 'j' || event.key === 'ArrowRight') go(1);
    else if (event.key === 'k' || event.key === 'ArrowLeft') go(-1);
    else if (event.key === 'f') { filter.checked = !filter.checked; applyFilter(); }
    else return;
    event.preventDefault();
  });
  // A chip (or any #slide-N link) focuses its slide, so j/k continue from there.
  window.addEventListener('hashchange', function () {
    var target = document.getElementById(window.location.hash.slice(1));
    if (target && target.classList.contains('rv-slide')) target.focus({ preventScroll: true });
  });

  rescale();
  if (window.ResizeObserver) new ResizeObserver(rescale).observe(document.querySelector('.rv-main'));
  // Measure with the embedded faces, not fallback metrics (see boot.js).
  var faces = [];
  document.fonts.forEach(function (f) { faces.push(f.load().catch(function () { return null; })); });
  // bideck serve's live client swaps changed slides in place, then asks for this.
  // Only the given slide cards are refitted: the others did not change.
  window.bideckReviewRefit = function (changed) {
    fitAll(changed);
    applyFilter();
  };
  Promise.all(faces).then(function () {
    fitAll();
    applyFilter();
    root.dataset.ready = 'true';
    window.bideckReviewReady = true;
  });
})();
