/**
 * The error overlay of `serve`'s live pages (the decks and the review page): a located error
 * over the last good build, cleared by the next good one. Plain ES5 source, spliced into each
 * live client's script, so both show an error the same way. Defines `show(error)` and `hide()`.
 */
export function errorOverlaySource(hint: string): string {
  return `var overlay = null;
  function show(error) {
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'bideck-error';
      overlay.setAttribute('role', 'alert');
      overlay.setAttribute('style', 'position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:60vh;overflow:auto;' +
        'margin:0;padding:16px 24px;background:rgba(120,16,16,0.94);color:#fff;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace;' +
        'box-shadow:0 -4px 16px rgba(0,0,0,0.3);white-space:pre-wrap;text-align:left');
      document.body.appendChild(overlay);
    }
    overlay.textContent = '';
    var head = document.createElement('strong');
    head.className = 'bideck-error__where';
    head.textContent = error.where || 'bideck';
    var text = document.createElement('div');
    text.className = 'bideck-error__text';
    text.textContent = error.text;
    var note = document.createElement('div');
    note.setAttribute('style', 'margin-top:8px;opacity:0.75');
    note.textContent = ${JSON.stringify(hint)};
    overlay.appendChild(head);
    overlay.appendChild(text);
    overlay.appendChild(note);
  }
  function hide() {
    if (overlay) overlay.remove();
    overlay = null;
  }`;
}
