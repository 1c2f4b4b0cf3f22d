import { relative } from 'node:path';
import { displayPath } from '../load/files.js';
import type { TemplateSources } from '../render/templates.js';
import { TEMPLATES_DIR } from './assets.js';

/** Warnings listed one by one; the rest are counted. */
const MAX_LISTED = 10;

/**
 * One warning per request PDF export blocked, naming the template that asked for it: the one
 * whose source holds the URL (or its host), else the custom templates (`--templates`) in use.
 */
export function blockedWarnings(urls: readonly string[], sources: TemplateSources | undefined): string[] {
  const own = displayPath(TEMPLATES_DIR);
  const custom = Object.values(sources ?? {}).filter((t) => relative(own, t.file).startsWith('..'));
  const culprit = (url: string): string => {
    const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(url)?.[1];
    const named = Object.values(sources ?? {}).find((t) => t.source.includes(url.split(/[?#]/)[0] ?? url) || (host !== undefined && t.source.includes(host)));
    if (named) return `template ${named.file}`;
    if (custom.length) return `one of the custom templates (${custom.map((t) => t.file).join(', ')})`;
    return sources ? `bideck's own templates (${own}; please report it)` : 'the deck';
  };
  const warnings = urls.slice(0, MAX_LISTED).map(
    (url) => `PDF export blocked a request to ${url.length > 200 ? `${url.slice(0, 200)}…` : url} made by ${culprit(url)}: export loads only the deck's own file and data: URLs`,
  );
  if (urls.length > MAX_LISTED) warnings.push(`PDF export blocked ${urls.length - MAX_LISTED} more request(s)`);
  return warnings;
}
