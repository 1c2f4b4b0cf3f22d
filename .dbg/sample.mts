import fc from 'fast-check';

import { deckArbitrary } from '/work/wt-layout/test/helpers/gen-deck.ts';
{
  for (const d of fc.sample(deckArbitrary, { seed: 20260309, numRuns: 6 })) {
    console.log(d.areas[0]!.slides.map((s: any) => s.initiatives.map((i: any) => `${(i.points ?? []).length}p${i.funding ? 'F' : ''}/${i.title.en.length}`).join(',')).join(' | '));
  }
}
