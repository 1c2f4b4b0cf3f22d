import { createHash } from 'node:crypto';

/**
 * What every page bideck writes does with its inline assets: make scripts safe to inline
 * and name them in the Content-Security-Policy by hash. Results are remembered (bounded):
 * the same ~200 KB of reveal.js is inlined for every mode and every rebuild in `serve`.
 */
const inlined = new Map<string, string>();
const hashes = new Map<string, string>();

function remember(cache: Map<string, string>, key: string, make: () => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size > 32) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/**
 * JS safe inside <script>: the notes plugin carries its speaker-view page, with `</script>`
 * inside a string, which would end the element early (HTML spec, script data state).
 */
export function inlineScript(js: string): string {
  return remember(inlined, js, () => js.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--'));
}

/** A CSP source for an inline script or style: `'sha256-…'` of exactly the inlined text. */
export function cspHash(source: string): string {
  return remember(hashes, source, () => `'sha256-${createHash('sha256').update(source).digest('base64')}'`);
}
