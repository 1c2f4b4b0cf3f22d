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
  // The build's layout stage (src/layout/) decided every slide's size and columns and wrote them
  // on its <section>: nothing is re-decided here. Only a deck built without a browser (and no
  // cached decision) falls back to fitting at view time, and the layout stage's own measuring
  // pass (?measure) fits nothing.
  var decided = !!document.querySelector('.reveal .slides section.slide[data-laid-out]') || params.has('measure');
  /** All slides laid out at once for measuring (see fit.js), none of them shown. */
  function fitAll() {
    if (decided) return;
    root.classList.add('bideck-measuring');
    window.bideckFit.fitSections(Array.prototype.slice.call(document.querySelectorAll('.reveal .slides section.slide')));
    root.classList.remove('bideck-measuring');
  }

  function setMode(next) {
    // A lazy print view (printView) prints its first mode only: the pages Chromium skipped and
    // laid out for that print painted their text out of order in a later mode's print (the
    // pixels the same, text extraction not), so a switch of mode lays every page out.
    if (next !== mode) root.classList.remove('bideck-lazy');
    mode = next;
    MODES.forEach(function (m) { root.classList.toggle('mode-' + m, m === next); });
    root.dataset.mode = next;
    root.lang = LANG[next];
    Array.prototype.forEach.call(document.querySelectorAll('.mode-switch button'), function (b) {
      b.setAttribute('aria-pressed', String(b.dataset.mode === next));
    });
    fitAll();
    altText(next);
    speakUi(next, announced);
    announced = true;
    // The print view's pages are fixed 1280×720 boxes: only the text inside them re-fits.
    if (!printing && window.Reveal && window.Reveal.isReady()) {
      window.Reveal.layout();
      var url = new URL(window.location.href);
      url.searchParams.set('lang', next);
      window.history.replaceState(null, '', url.toString());
    }
  }
  window.bideckSetMode = setMode;

  /**
   * reveal.js's own controls speak English; in a Chinese deck they speak Chinese, with their
   * lang set either way (WCAG 3.1.2). A switch of language is announced to screen readers.
   */
  var UI = {
    zh: { lang: 'zh-Hant-HK', prev: '上一張', next: '下一張', up: '上一張', down: '下一張', mode: { bi: '已切換至雙語', zh: '已切換至中文', en: '已切換至英文' } },
    en: { lang: 'en', prev: 'previous slide', next: 'next slide', up: 'above slide', down: 'below slide', mode: { en: 'Switched to English' } },
  };
  var announced = false;

  /** Images speak the mode's language: both (中文 first) in the bilingual deck, one otherwise. */
  function altText(next) {
    Array.prototype.forEach.call(document.querySelectorAll('img[data-alt-zh]'), function (img) {
      var zh = img.dataset.altZh, en = img.dataset.altEn;
      img.alt = next === 'en' ? en : next === 'zh' ? zh : zh + ' / ' + en;
    });
  }
  function speakUi(next, announce) {
    var ui = next === 'en' ? UI.en : UI.zh;
    ['left', 'right', 'up', 'down'].forEach(function (dir) {
      var label = { left: ui.prev, right: ui.next, up: ui.up, down: ui.down }[dir];
      Array.prototype.forEach.call(document.querySelectorAll('.reveal .controls .navigate-' + dir), function (b) {
        b.setAttribute('aria-label', label);
        b.setAttribute('lang', ui.lang);
      });
    });
    var status = document.getElementById('bideck-mode-status');
    if (status && announce) {
      status.setAttribute('lang', ui.lang);
      status.textContent = ui.mode[next];
    }
  }
  // bideck serve swaps in edited slides and fits the one on screen before all the others.
  window.bideckFitSlide = window.bideckFit.fitSlide;

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
  /**
   * bideck's own print view: each slide in one page box, laid out by CSS (deck.css,
   * html.print-pdf). reveal.js's print view adds two background boxes a slide, lays the whole
   * document out four times over animation frames and renders it once more before printing:
   * ≈ 4 s at 1,000 slides (issue 15). The page box is what Chromium needs to print fast: with
   * the slides themselves as the pages, each page painted every slide (100 slides: 6 s, not 1).
   */
  function printView() {
    // Set in <head> already (render/deck.ts), unless a deck template of the user's left it out.
    root.classList.add('reveal-print', 'print-pdf');
    // Export with nothing to measure before printing (src/export/pdf.ts openView): pages out of
    // view are laid out by page.pdf() alone, not once more before it (≈ 1 s at 1,000 slides).
    if (params.has('lazy')) root.classList.add('bideck-lazy');
    root.classList.remove('bideck-pending');
    var size = document.createElement('style');
    size.textContent = '@page { size: 1280px 720px; margin: 0; }';
    document.head.appendChild(size);
    Array.prototype.forEach.call(document.querySelectorAll('.reveal .slides > section.slide'), function (slide) {
      var page = document.createElement('div');
      page.className = 'pdf-page';
      page.setAttribute('role', 'none'); // a box, not structure: no element of a tagged PDF
      slide.parentNode.insertBefore(page, slide);
      page.appendChild(slide);
    });
  }

  // Load every embedded face before measuring: fonts.ready alone resolves early while slides
  // are still hidden, and the fit would be measured with fallback metrics.
  var faces = [];
  // A face that cannot load (a template's remote @font-face, refused by the print page's policy)
  // falls back instead of stopping the deck: it used to leave export waiting for its time-out.
  document.fonts.forEach(function (f) { faces.push(f.load().catch(function () { return null; })); });
  Promise.all(faces).then(function () {
    mark('fonts');
    // After the faces load: the slides stay hidden until then, so the first layout of a long
    // deck is done once, with the real fonts, not again when they arrive.
    if (printing) printView();
    setMode(mode);
    mark('fitted');
    if (printing) return ready();
    // prefers-reduced-motion: slides change without a fade (WCAG 2.3.3).
    var still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    var reveal = Object.assign({}, config.reveal, still ? { transition: 'none', backgroundTransition: 'none' } : {}, {
      margin: printing ? 0 : config.reveal.margin,
      keyboardCondition: deckKey,
      plugins: (window.RevealNotes ? [window.RevealNotes] : []).concat(internals),
    });
    return window.Reveal.initialize(reveal);
  }).then(function () {
    if (printing) return;
    // A key binding (not config.keyboard) so the help overlay (?) lists it; replaces reveal's
    // own L (= next slide), which the arrow keys already do.
    window.Reveal.addKeyBinding({ keyCode: 76, key: 'L', description: 'Switch language 切換語言' }, cycleMode);
    forgetRevealL();
    speakUi(mode, false);
    ready();
  });
})();
