import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BideckError } from '../errors.js';
import { PACKAGE_ROOT, displayPath } from '../load/files.js';
import type { DeckAssets } from '../render/deck.js';
import type { TemplateSource, TemplateSources } from '../render/templates.js';

export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
const require = createRequire(import.meta.url);

/**
 * Every `.hbs` of bideck's templates, keyed `deck`, `layouts/x`, `partials/y`; a folder given
 * with `--templates` overlays them, file by file, so a bureau changes only what it needs.
 */
export async function readTemplates(overlay?: string): Promise<TemplateSources> {
  const out: Record<string, TemplateSource> = {};
  for (const dir of overlay ? [TEMPLATES_DIR, overlay] : [TEMPLATES_DIR]) {
    let files: string[];
    try {
      files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.hbs'));
    } catch (cause) {
      throw new BideckError('render', `templates folder ${displayPath(dir)} cannot be read`, { cause });
    }
    await Promise.all(
      files.map(async (f) => {
        const name = f.replace(/\\/g, '/').replace(/\.hbs$/, '');
        out[name] = { source: await readFile(join(dir, f), 'utf8'), file: displayPath(join(dir, f)) };
      }),
    );
  }
  return out;
}

export async function readAssets(dir = TEMPLATES_DIR): Promise<DeckAssets> {
  const reveal = (p: string) => readFile(require.resolve(`reveal.js/${p}`), 'utf8');
  const [deckCss, fitJs, boot, revealCss, revealJs, notesJs] = await Promise.all([
    readFile(join(dir, 'deck.css'), 'utf8'),
    readFitJs(dir),
    readFile(join(dir, 'boot.js'), 'utf8'),
    reveal('reveal.css'),
    readFile(join(revealDir(), 'dist', 'reveal.js'), 'utf8'),
    readFile(join(revealDir(), 'dist', 'plugin', 'notes.js'), 'utf8'),
  ]);
  // The fit runs before the runtime that calls it, in the same inline script.
  return { deckCss, bootJs: `${fitJs}\n${boot}`, revealCss, revealJs, notesJs };
}

/** The fit script the deck and the review page share (templates/fit.js). */
export function readFitJs(dir = TEMPLATES_DIR): Promise<string> {
  return readFile(join(dir, 'fit.js'), 'utf8');
}

function revealDir(): string {
  return join(require.resolve('reveal.js/reveal.css'), '..', '..');
}

let version: Promise<string> | undefined;

/** bideck's version, from its package.json: read once a process (the CLI and the toolkit both ask). */
export function packageVersion(): Promise<string> {
  return (version ??= readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8').then((text) => (JSON.parse(text) as { version: string }).version));
}
