import { BideckError } from '../errors.js';
import { loadProject } from '../load/project.js';
import { writeSources } from '../load/sources.js';
import type { Segment } from '../model/types.js';

export interface ApproveResult {
  /** The sources file written. */
  file: string;
  /** Segment ids whose record changed (new, or a new Chinese). */
  approved: string[];
}

/**
 * Record that the English of these segments (every translated one when `ids` is empty) fits
 * their Chinese as it is now. An id may name a segment (`cyberport.web3-hub.funding`) or
 * anything it starts (`cyberport`: every segment of that slide). Segments with no English are
 * left out: there is nothing to approve.
 */
export async function approveTranslations(deckPath: string, ids: readonly string[] = []): Promise<ApproveResult> {
  const project = await loadProject(deckPath);
  const segments = project.model.segments.filter((s) => s.text.en.trim() !== '' && s.text.zh !== '');
  const unknown = ids.filter((id) => !segments.some((s) => named(s, id)));
  if (unknown.length) {
    throw new BideckError('usage', `no translated segment has the id ${unknown.map((id) => JSON.stringify(id)).join(', ')}; ids are listed by bideck check --json and on the review page`);
  }
  const picked = ids.length ? segments.filter((s) => ids.some((id) => named(s, id))) : segments;
  const sources: Record<string, string> = { ...project.approved };
  const approved = picked.filter((s) => sources[s.id] !== s.text.zh).map((s) => s.id);
  for (const s of picked) sources[s.id] = s.text.zh;
  const file = await writeSources(project.deckFile, sources);
  return { file, approved };
}

function named(segment: Segment, id: string): boolean {
  return segment.id === id || segment.id.startsWith(`${id}.`);
}
