import { errorOverlaySource } from './overlay.js';

/** What the live client knows about the page it runs in. */
export interface LivePage {
  generation: number;
  /** Hash of the page without its slides (serve/live.ts): equal means only slides changed. */
  shell: string;
}

/**
 * The live client `bideck serve` adds to the pages it serves (never to built files). It listens
 * to /events. A `reload` event carries the new slides: when nothing but the slides changed (the
 * usual edit of deck data) it swaps them in place and keeps the current slide, else it reloads
 * the page, which keeps the URL and so the slide (reveal.js `hash: true` writes `#/5`) and the
 * language (`?lang=`). On `failed` it shows the error over the last good deck; `hello`, sent on
 * every (re)connect, catches up with anything missed.
 * Plain ES5 in a string: it runs as is in the browser, under the deck's hash-only CSP.
 */
export function liveClientScript(page: LivePage): string {
  return `/* bideck serve: live reload */
(function () {
  'use strict';
  // The speaker view's preview frames and print views are not live pages.
  if (/[?&](receiver|print-pdf)/.test(window.location.search)) return;
  var generation = ${JSON.stringify(page.generation)};
  var SHELL = ${JSON.stringify(page.shell)};
  ${errorOverlaySource('The deck shows the last good build. Save the fixed file to update it.')}
  function reload() {
    source.close();
    window.location.reload();
  }
  /** Swap in the new slides when only they changed; anything else reloads the page. */
  function apply(update) {
    if (update.generation === generation) return;
    var Reveal = window.Reveal;
    var config = document.getElementById('bideck-config');
    var mode = config && JSON.parse(config.textContent).mode;
    if (!mode || update.shells[mode] !== SHELL || !Reveal || !Reveal.isReady() || !window.bideckSetMode) return reload();
    var at = Reveal.getIndices();
    // The server's own rendering of the deck data (escaped there); scripts in it never run.
    document.querySelector('.reveal .slides').innerHTML = update.slides;
    generation = update.generation;
    Reveal.sync();
    Reveal.slide(at.h, at.v, at.f);
    // Fit the slide on screen now; every slide (the measuring pass) once it has been painted.
    var current = Reveal.getCurrentSlide();
    if (current && window.bideckFitSlide) window.bideckFitSlide(current);
    hide();
    document.dispatchEvent(new CustomEvent('bideck:updated', { detail: { generation: generation } }));
    window.requestAnimationFrame(function () {
      window.setTimeout(function () { window.bideckSetMode(document.documentElement.dataset.mode); }, 0);
    });
  }
  var source = new EventSource('/events');
  source.addEventListener('hello', function (e) {
    var data = JSON.parse(e.data);
    if (data.generation !== generation) {
      if (!data.update) return reload();
      apply(data.update);
    }
    if (data.error) show(data.error); else hide();
  });
  source.addEventListener('reload', function (e) {
    apply(JSON.parse(e.data));
  });
  source.addEventListener('failed', function (e) {
    show(JSON.parse(e.data).error);
  });
})();
`;
}
