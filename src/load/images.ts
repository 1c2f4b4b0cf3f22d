import { readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BideckError } from '../errors.js';
import type { SourceLocation } from '../errors.js';
import { formatPath } from '../load/yaml.js';
import type { DataPath } from '../load/yaml.js';
import { IMAGE_MIME, MAX_IMAGE_BYTES, sniffImage, svgProblem } from '../model/images.js';
import type { ImageAsset } from '../model/images.js';
import type { Deck } from '../schema/deck.js';
import { resolveInside } from './files.js';

/** Every image path the deck names (blocks and the logo), with where it is written. */
export function imageRefs(deck: Deck): { ref: string; path: DataPath }[] {
  const refs: { ref: string; path: DataPath }[] = [];
  if (deck.meta.logo) refs.push({ ref: deck.meta.logo.file, path: ['meta', 'logo', 'file'] });
  deck.areas.forEach((area, a) =>
    area.slides.forEach((slide, s) => {
      if (slide.layout !== 'content') return;
      slide.blocks?.forEach((b, i) => {
        if (b.type === 'image') refs.push({ ref: b.file, path: ['areas', a, 'slides', s, 'blocks', i, 'file'] });
      });
    }),
  );
  return refs;
}

/**
 * Read, check and encode each image once (a file used twice is embedded from one read). Paths
 * follow the deck's path rules (load/files.ts): relative, inside the deck's folder, no links out.
 */
export async function loadImages(deck: Deck, deckFile: string, locate: (path: DataPath) => SourceLocation): Promise<Map<string, ImageAsset>> {
  const images = new Map<string, ImageAsset>();
  for (const { ref, path } of imageRefs(deck)) {
    if (images.has(ref)) continue;
    const where = () => locate(path);
    const field = formatPath(path);
    const fail = (message: string) => new BideckError('data', message, { location: where(), path: field });
    const file = await resolveInside(dirname(deckFile), deckFile, ref, where, field);
    const size = (await stat(file)).size;
    if (size > MAX_IMAGE_BYTES) {
      throw fail(`image ${JSON.stringify(ref)} is too large (${(size / 1048576).toFixed(1)} MB; at most ${MAX_IMAGE_BYTES / 1048576} MB): make it smaller`);
    }
    const buf = await readFile(file);
    const type = sniffImage(buf);
    if (!type) throw fail(`${JSON.stringify(ref)} is not a PNG, JPEG or SVG image (checked by its content)`);
    const named = /\.png$/i.test(ref) ? 'png' : /\.svg$/i.test(ref) ? 'svg' : 'jpeg';
    if (named !== type) throw fail(`${JSON.stringify(ref)} holds ${type.toUpperCase()} data but is named as ${named.toUpperCase()}: rename it`);
    if (type === 'svg') {
      const problem = svgProblem(buf.toString('utf8'));
      if (problem) throw fail(`SVG ${JSON.stringify(ref)} ${problem}; bideck embeds only inert SVG (no script, no external references)`);
    }
    images.set(ref, { type, bytes: size, uri: `data:${IMAGE_MIME[type]};base64,${buf.toString('base64')}` });
  }
  return images;
}
