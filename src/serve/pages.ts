import { cspHash } from '../render/inline.js';
import { liveClientScript } from './client.js';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Shown instead of the deck while there has never been a good build (the deck was broken
 * when `serve` started). The live client reloads it into the deck once the file is fixed.
 */
export function noDeckPage(errorText: string): string {
  const script = liveClientScript({ generation: 0, shell: '' });
  const csp = `default-src 'none'; script-src ${cspHash(script)}; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<title>bideck serve: the deck cannot be built</title>
<style>body { margin: 0; padding: 32px; font: 15px/1.5 system-ui, sans-serif; color: #222; }</style>
</head>
<body>
<h1>The deck cannot be built yet</h1>
<pre>${escapeHtml(errorText)}</pre>
<p>Save the fixed file: this page turns into the deck.</p>
<script>${script}</script>
</body>
</html>
`;
}
