/** The names closest to one that was not found (edit distance, then shared prefix), at most three. */
export function closest(name: string, candidates: string[], limit = 3): string[] {
  const target = name.toLowerCase();
  const scored = [...new Set(candidates)]
    .map((c) => ({ c, d: distance(target, c.toLowerCase()) }))
    .filter(({ c, d }) => d <= Math.max(2, Math.floor(name.length / 3)) || c.toLowerCase().includes(target) || target.includes(c.toLowerCase()))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c));
  return scored.slice(0, limit).map(({ c }) => c);
}

/** Levenshtein distance. */
export function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
