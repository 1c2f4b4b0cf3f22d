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
   * Every slide is laid out at once, each in its own containment box, and measured in batches:
   * all reads, then all writes, so each round costs one layout of the slides still being
   * fitted, not one per slide per step. Dense slides start from an estimate (text height
   * shrinks about with the square of its size), then step down the 0.04 grid, so the result
   * is the same largest fit the one-slide-at-a-time search finds.
   */
  function fitAll() {
    root.classList.add('bideck-measuring');
    var slides = Array.prototype.slice.call(document.querySelectorAll('.reveal .slides section.slide'));
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
        if (x.fit <= MIN_FIT + 0.001) x.section.dataset.overflow = 'true';
        else pending.push(x);
      });
      pending.forEach(function (x) {
        x.fit = Math.round((x.fit - 0.04) * 100) / 100;
        x.section.style.setProperty('--fit', String(x.fit));
      });
    }
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
    // The print view's pages are fixed 1280×720 boxes: only the text inside them re-fits.
    if (!printing && window.Reveal && window.Reveal.isReady()) {
      window.Reveal.layout();
      var url = new URL(window.location.href);
      url.searchParams.set('lang', next);
      window.history.replaceState(null, '', url.toString());
    }
  }
  window.bideckSetMode = setMode;
  // bideck serve swaps in edited slides and fits the one on screen before all the others.
  window.bideckFitSlide = fitSlide;

  function cycleMode() {
    setMode(MODES[(MODES.indexOf(mode) + 1) % MODES.length]);
  }

  Array.prototype.forEach.call(document.querySelectorAll('.mode-switch button'), function (b) {
    b.addEventListener('click', function (event) {
      setMode(b.dataset.mode);
      // After a mouse click, give the keys back to the deck (Space would press the button
      // again); after Enter or Space on the button, focus stays for the keyboard user.
      if (event.detail > 0) b.blur();
    });
  });

  /** Space and Enter on a focused switch button press the button; they do not also advance the deck. */
  function deckKey(event) {
    var onSwitch = event.target && event.target.closest && event.target.closest('.mode-switch');
    return !(onSwitch && (event.key === ' ' || event.key === 'Enter'));
  }

  /**
   * reveal.js lists L among its navigation keys ("→ , L"); the help should not offer it twice.
   * Its keyboard controller is handed to plugins only, hence this one-line plugin.
   */
  var internals = { id: 'bideck', init: function (deck) { internals.deck = deck; } };
  function forgetRevealL() {
    var keyboard = internals.deck && internals.deck.keyboard;
    var shortcuts = keyboard && keyboard.getShortcuts ? keyboard.getShortcuts() : null;
    if (!shortcuts) return;
    Object.keys(shortcuts).forEach(function (keys) {
      var action = shortcuts[keys];
      delete shortcuts[keys]; // re-added in the same order, without L
      shortcuts[keys.replace(/\s+,\s+L(?=\s+,|$)/, '')] = action;
    });
  }

  // Start-up milestones (ms since navigation), read by the benchmark.
  var marks = (window.bideckMarks = {});
  function mark(name) { marks[name] = Math.round(performance.now()); }

  function ready() {
    mark('ready');
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
    mark('fonts');
    setMode(mode);
    mark('fitted');
    var reveal = Object.assign({}, config.reveal, {
      margin: printing ? 0 : config.reveal.margin,
      keyboardCondition: deckKey,
      plugins: (window.RevealNotes ? [window.RevealNotes] : []).concat(internals),
    });
    return window.Reveal.initialize(reveal);
  }).then(function () {
    // A key binding (not config.keyboard) so the help overlay (?) lists it; replaces reveal's
    // own L (= next slide), which the arrow keys already do.
    window.Reveal.addKeyBinding({ keyCode: 76, key: 'L', description: 'Switch language 切換語言' }, cycleMode);
    forgetRevealL();
    if (!printing) ready();
  });
})();
