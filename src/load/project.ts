import { dirname, resolve } from 'node:path';
import { buildModel } from '../model/deck.js';
import type { DeckModel } from '../model/types.js';
import type { Brand } from '../schema/brand.js';
import { loadBrand } from './brand.js';
import { Deck } from '../schema/deck.js';
import { Glossary } from '../schema/glossary.js';
import { validate } from '../schema/validate.js';
import { displayPath, readText, resolveInside } from './files.js';
import { loadImages } from './images.js';
import { readSources } from './sources.js';
import type { ApprovedSources } from './sources.js';
import { parseYaml } from './yaml.js';
import type { YamlSource } from './yaml.js';

/** Everything a build needs, loaded and validated; no rendering yet. */
export interface Project {
  deckFile: string;
  deckSource: YamlSource;
  brand: Brand;
  brandFile: string;
  glossaryFile: string | undefined;
  /** Terms the QA checks hold the translation to (meta.glossary), validated. */
  glossary: Glossary | undefined;
  model: DeckModel;
  /** The Chinese each English was translated from (deck.sources.json), if the deck has the file. */
  approved?: ApprovedSources | undefined;
}

export async function loadYamlFile(file: string, options: { texts?: boolean } = {}): Promise<YamlSource> {
  return parseYaml(displayPath(file), await readText(file), options);
}

export async function loadProject(deckPath: string): Promise<Project> {
  const deckFile = resolve(deckPath);
  const deckSource = await loadYamlFile(deckFile, { texts: true });
  const deck = validate(Deck, deckSource);
  const root = dirname(deckFile);

  const { brand, brandFile } = await loadBrand(deck.meta.brand, root, deckFile, () => deckSource.locate(['meta', 'brand']));

  const glossaryFile = deck.meta.glossary
    ? await resolveInside(root, deckFile, deck.meta.glossary, () => deckSource.locate(['meta', 'glossary']), 'meta.glossary')
    : undefined;
  const glossary = glossaryFile ? validate(Glossary, await loadYamlFile(glossaryFile)) : undefined;

  const model = buildModel(deck, deckSource.locate);
  model.images = await loadImages(deck, deckFile, deckSource.locate);
  const approved = await readSources(deckFile);
  return { deckFile, deckSource, brand, brandFile, glossaryFile, glossary, model, approved };
}
