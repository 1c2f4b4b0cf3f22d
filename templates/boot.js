/* bideck runtime: language modes, fit-to-box, reveal.js start-up. Runs offline from file://. */
(function () {
  'use strict';
  var MODES = ['bi', 'zh', 'en'];
  var LANG = { bi: 'zh-Hant-HK', zh: 'zh-Hant-HK', en: 'en' };
  var config = JSON.parse(document.getElementById('bideck-config').textContent);
  var root = document.documentElement;
  var params = new URLSearchParams(window.location.search);
  var printing = /print-pdf/i.test(window.location.search);
  var mode = MODES.indexOf(params.get('lang')) >= 0 ? params.get('lang') : config.mode;
  var MIN_FIT = 0.7;

  function overflows(el) {
    return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
  }

  /** Dense slides shrink their text a step at a time until everything fits the 1280×720 box. */
  function fitSlide(section) {
    var boxes = [section].concat(Array.prototype.slice.call(section.querySelectorAll('.body, .initiative, .initiative__body, .statement__para, .overview__area')));
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

  function fitAll() {
    root.classList.add('bideck-measuring');
    Array.prototype.forEach.call(document.querySelectorAll('.reveal .slides section.slide'), fitSlide);
    root.classList.remove('bideck-measuring');
  }

  function setMode(next) {
    mode = next;
    MODES.forEach(function (m) { root.classList.toggle('mode-' + m, m === next); });
    root.dataset.mode = next;
    root.lang = LANG[next];
    Array.prototype.forEach.call(document.querySelectorAll('.mode-switch button'), function (b) {
      b.setAttribute('aria-pressed', String(b.dataset.mode === next));
    });
    fitAll();
    if (window.Reveal && window.Reveal.isReady()) {
      window.Reveal.layout();
      var url = new URL(window.location.href);
      url.searchParams.set('lang', next);
      window.history.replaceState(null, '', url.toString());
    }
  }
  window.bideckSetMode = setMode;

  function cycleMode() {
    setMode(MODES[(MODES.indexOf(mode) + 1) % MODES.length]);
  }

  Array.prototype.forEach.call(document.querySelectorAll('.mode-switch button'), function (b) {
    b.addEventListener('click', function () { setMode(b.dataset.mode); b.blur(); });
  });

  function ready() {
    // reveal.js hides slides other than the current one from assistive tech; in print every
    // slide is content, and a tagged PDF leaves aria-hidden content out of its structure.
    if (printing) {
      Array.prototype.forEach.call(document.querySelectorAll('.reveal .slides section[aria-hidden]'), function (s) {
        s.removeAttribute('aria-hidden');
      });
    }
    window.bideckReady = true;
    root.dataset.ready = 'true';
  }
  // The print view lays pages out after initialize() resolves; 'pdf-ready' says it is done.
  if (printing) document.querySelector('.reveal').addEventListener('pdf-ready', ready);

  // Load every embedded face before measuring: fonts.ready alone resolves early while slides
  // are still hidden, and the fit would be measured with fallback metrics.
  var faces = [];
  document.fonts.forEach(function (f) { faces.push(f.load()); });
  Promise.all(faces).then(function () {
    setMode(mode);
    var reveal = Object.assign({}, config.reveal, {
      margin: printing ? 0 : config.reveal.margin,
      keyboard: { 76: cycleMode },
      plugins: window.RevealNotes ? [window.RevealNotes] : [],
    });
    return window.Reveal.initialize(reveal);
  }).then(function () {
    if (!printing) ready();
  });
})();
