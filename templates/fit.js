/* bideck fit: dense slides shrink their text a step at a time until everything fits the
   1280×720 box. Shared by the deck (boot.js) and the review page (review.js), which inline it
   in front of their own script, so both show a slide at the same size. */
(function () {
  'use strict';
  var MIN_FIT = 0.7;

  function overflows(el) {
    return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
  }

  var BOXES = '.body, .initiative, .initiative__body, .statement__para, .overview__area';

  function boxesOf(section) {
    return [section].concat(Array.prototype.slice.call(section.querySelectorAll(BOXES)));
  }

  /** Dense slides shrink their text a step at a time until everything fits the 1280×720 box. */
  function fitSlide(section, boxes) {
    boxes = boxes || boxesOf(section);
    var fit = 1;
    section.style.setProperty('--fit', '1');
    while (boxes.some(overflows) && fit > MIN_FIT + 0.001) {
      fit = Math.round((fit - 0.04) * 100) / 100;
      section.style.setProperty('--fit', String(fit));
    }
    section.dataset.fit = String(fit);
    if (boxes.some(overflows)) section.dataset.overflow = 'true';
    else delete section.dataset.overflow;
  }

  function isFixedBox(el) {
    return el.matches('section.slide, .body, .initiative, .overview__area');
  }

  function gridFit(fit) {
    // The largest step of the 0.04 grid (1, 0.96, …, MIN_FIT) not above `fit`.
    var k = Math.ceil((1 - fit) / 0.04 - 1e-9);
    return Math.max(MIN_FIT, Math.round((1 - 0.04 * Math.max(0, k)) * 100) / 100);
  }

  /**
   * Fit many slides at once, each in its own containment box, measured in batches: all reads,
   * then all writes, so each round costs one layout of the slides still being fitted, not one
   * per slide per step. Dense slides start from an estimate (text height shrinks about with
   * the square of its size), then step down the 0.04 grid, so the result is the same largest
   * fit the one-slide-at-a-time search (fitSlide) finds. Returns the slides that still overflow.
   */
  function fitSections(slides) {
    var overflowing = [];
    slides.forEach(function (s) {
      s.style.setProperty('--fit', '1');
      s.dataset.fit = '1';
      delete s.dataset.overflow;
    });
    var pending = slides.map(function (s) { return { section: s, boxes: boxesOf(s), fit: 1 }; }).filter(function (x) {
      // Estimate from the boxes whose height is fixed by the layout (not by their content):
      // there, content shrinking with the square of the text size bounds the answer from above.
      var ratio = Math.min.apply(null, x.boxes.filter(isFixedBox).map(function (b) { return b.scrollHeight > b.clientHeight + 1 ? b.clientHeight / b.scrollHeight : 1; }));
      if (ratio >= 1 && !x.boxes.some(overflows)) return false;
      x.fit = gridFit(Math.min(1 - 0.04, Math.sqrt(ratio)));
      return true;
    });
    pending.forEach(function (x) { x.section.style.setProperty('--fit', String(x.fit)); });
    while (pending.length) {
      var still = pending.filter(function (x) { return x.boxes.some(overflows); });
      pending.forEach(function (x) { x.section.dataset.fit = String(x.fit); });
      pending = [];
      still.forEach(function (x) {
        if (x.fit <= MIN_FIT + 0.001) { x.section.dataset.overflow = 'true'; overflowing.push(x.section); }
        else pending.push(x);
      });
      pending.forEach(function (x) {
        x.fit = Math.round((x.fit - 0.04) * 100) / 100;
        x.section.style.setProperty('--fit', String(x.fit));
      });
    }
    return overflowing;
  }

  window.bideckFit = { fitSlide: fitSlide, fitSections: fitSections };
})();
