import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BideckError } from '../errors.js';
import type { SourceLocation } from '../errors.js';
import { checkWeight, resolvePackage } from '../fonts/package.js';
import { Brand } from '../schema/brand.js';
import { validate } from '../schema/validate.js';
import { PACKAGE_ROOT, displayPath, readText, resolveInside } from './files.js';
import { parseYaml } from './yaml.js';

/** A brand given by bare name (`hkgov`) is one of bideck's own. */
export const BUILTIN_BRANDS = join(PACKAGE_ROOT, 'data', 'brands');

export interface LoadedBrand {
  brand: Brand;
  brandFile: string;
}

/** Resolve `meta.brand`, validate the brand, and check its fonts are installed in its weights. */
export async function loadBrand(ref: string, root: string, deckFile: string, at: () => SourceLocation): Promise<LoadedBrand> {
  let brandFile: string;
  if (/^[a-z0-9-]+$/.test(ref)) {
    const builtins = (await readdir(BUILTIN_BRANDS)).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
    if (!builtins.includes(ref)) {
      throw new BideckError('data', `unknown brand "${ref}"; built-in brands: ${builtins.join(', ')} (or give a path such as brands/mine.yaml)`, { location: at(), path: 'meta.brand' });
    }
    brandFile = join(BUILTIN_BRANDS, `${ref}.yaml`);
  } else {
    brandFile = await resolveInside(root, deckFile, ref, at, 'meta.brand');
  }
  const source = parseYaml(displayPath(brandFile), await readText(brandFile));
  const brand = validate(Brand, source);
  for (const lang of ['zh', 'en'] as const) {
    const path = ['fonts', lang, 'package'];
    try {
      const pkg = resolvePackage(brand.fonts[lang].package);
      for (const w of brand.fonts.weights) checkWeight(pkg, w);
    } catch (e) {
      if (!(e instanceof BideckError)) throw e;
      throw new BideckError('data', e.message, { location: source.locate(path), path: path.join('.'), cause: e });
    }
  }
  return { brand, brandFile };
}
