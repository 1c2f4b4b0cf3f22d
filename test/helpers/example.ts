import { join } from 'node:path';
import { ROOT } from './seed.js';

/** The second example deck: every element of issue 11 (tables, charts, images, figures, …). */
export const EXAMPLE_DECK = join(ROOT, 'data', 'examples', 'budget-it-2025', 'deck.yaml');
