/** One run of a character diff: kept, removed (only in the old text) or added (only in the new). */
export interface DiffPart {
  op: 'same' | 'del' | 'ins';
  text: string;
}

/** Beyond this many cells the diff gives up on detail and shows old and new whole. */
const MAX_CELLS = 2_000_000;

/**
 * What changed from `was` to `now`, by character (code point): Chinese has no spaces to diff
 * words by. A plain longest-common-subsequence table; segment texts are short (≤ 2,000).
 */
export function diffText(was: string, now: string): DiffPart[] {
  const a = [...was];
  const b = [...now];
  if (a.length * b.length > MAX_CELLS) return [{ op: 'del', text: was }, { op: 'ins', text: now }];
  const w = b.length + 1;
  const lcs = new Uint16Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], ch: string) => {
    const last = parts.at(-1);
    if (last?.op === op) last.text += ch;
    else parts.push({ op, text: ch });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push('same', a[i] ?? '');
      i++;
      j++;
    } else if (j < b.length && (i === a.length || (lcs[i * w + j + 1] ?? 0) >= (lcs[(i + 1) * w + j] ?? 0))) {
      push('ins', b[j] ?? '');
      j++;
    } else {
      push('del', a[i] ?? '');
      i++;
    }
  }
  return parts;
}
