// Statistics for the bench scripts. A median of an even number of runs is the mean of the two
// middle ones: `sorted[n / 2]` took the slower of two runs, for bideck and for its floor alike.

/** The median of `xs` (the mean of the middle two for an even count); undefined when empty. */
export function median(xs) {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Ratios of runs taken side by side (`a[i] / b[i]`, run i of each from the same round of
 * alternating runs), so that a machine that is busier in one round than another slows both
 * sides of that round's ratio alike: their median and range.
 */
export function pairedRatios(a, b) {
  const ratios = a.slice(0, b.length).map((x, i) => x / b[i]);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), ratios };
}
