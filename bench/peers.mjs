// The floor and the peer the bench compares bideck with (issue 15), on the same texts:
// - floor: a bare reveal.js deck, one <section> per slide holding that slide's texts in the
//   same embedded fonts, launched, loaded and printed with one tagged page.pdf();
// - peer: Marp CLI's one-PDF export of the same texts, one slide per slide, with the same
//   Chromium (CHROME_PATH). Marp is installed pinned into .cache/marp on first use, never
//   into bideck's dependencies.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MARP_VERSION = '4.5.1';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Each slide's texts (zh then en, segment by segment), from bideck's own model of the deck. */
export async function slideTexts(root, deckPath) {
  const { loadProject } = await import(join(root, 'lib', 'index.js'));
  const project = await loadProject(deckPath);
  return project.model.slides.map((s) => s.segments.flatMap((g) => [g.text.zh, g.text.en]).map((t) => t.replace(/\*\*/g, '').replace(/\s*\n\s*/g, ' ')));
}

/** The bare reveal.js deck, with the @font-face rules of bideck's own HTML for the same deck. */
export function writeFloorDeck(root, slides, bideckHtml, file) {
  const faces = [...readFileSync(bideckHtml, 'utf8').matchAll(/@font-face\s*\{[^}]*\}/g)].map((m) => m[0]).join('\n');
  const reveal = join(root, 'node_modules', 'reveal.js', 'dist');
  const sections = slides.map((texts) => `<section>${texts.map((t, i) => (i < 2 ? `<h2>${esc(t)}</h2>` : `<p>${esc(t)}</p>`)).join('')}</section>`).join('\n');
  writeFileSync(file, `<!doctype html><html lang="zh-Hant-HK"><head><meta charset="utf-8"><title>floor</title>
<style>${readFileSync(join(reveal, 'reveal.css'), 'utf8')}
${faces}
.reveal { font-family: "bideck en", "bideck zh", sans-serif; font-size: 24px; }
.reveal h2 { font-size: 36px; margin: 0 0 8px; } .reveal p { margin: 0 0 6px; }
</style></head><body><div class="reveal"><div class="slides">
${sections}
</div></div><script>${readFileSync(join(reveal, 'reveal.js'), 'utf8')}</script>
<script>window.printed = new Promise((r) => document.querySelector('.reveal').addEventListener('pdf-ready', r));
Reveal.initialize({ width: 1280, height: 720, margin: 0, hash: false, transition: 'none' });</script>
</body></html>`);
}

/** The same texts as a Marp deck: one slide each, the first two texts as headings. */
export function writeMarpDeck(slides, file) {
  const body = slides.map((texts) => texts.map((t, i) => (i < 2 ? `## ${t}` : t)).join('\n\n')).join('\n\n---\n\n');
  writeFileSync(file, `---\nmarp: true\nsize: 16:9\n---\n\n${body}\n`);
}

/** Marp CLI's entry point, installed into .cache/marp on first use (needs the npm registry once). */
export function ensureMarp(root) {
  const dir = join(root, '.cache', 'marp');
  const cli = join(dir, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
  const installed = existsSync(cli) && JSON.parse(readFileSync(join(dir, 'node_modules', '@marp-team', 'marp-cli', 'package.json'), 'utf8')).version === MARP_VERSION;
  if (!installed) {
    console.error(`installing @marp-team/marp-cli@${MARP_VERSION} into ${dir} (bench only)`);
    try {
      execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--ignore-scripts', `@marp-team/marp-cli@${MARP_VERSION}`], { stdio: 'inherit' });
    } catch {
      return undefined; // offline: the bench says so and leaves Marp out
    }
  }
  return cli;
}
