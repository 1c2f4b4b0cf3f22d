import { basename } from 'node:path';
import { loadProject } from '../load/project.js';
import type { Project } from '../load/project.js';
import { exportUnits } from './units.js';
import { writeXliff } from './write.js';

export interface ExportResult {
  xml: string;
  units: number;
  project: Project;
}

/**
 * The deck's translatable text as one XLIFF 2.0 file: one unit per segment. `laidOut` gives the
 * project as the decks show it (continuation slides, src/layout/), so notes name the right slide.
 */
export async function exportXliff(deckPath: string, laidOut?: (p: Project) => Promise<Project>): Promise<ExportResult> {
  const loaded = await loadProject(deckPath);
  const project = laidOut ? await laidOut(loaded) : loaded;
  const units = exportUnits(project.model, project.approved);
  const xml = writeXliff({ id: project.model.deck.meta.id, original: basename(project.deckFile), units });
  return { xml, units: units.length, project };
}
