/**
 * Levenshtein distance, small inputs only (names and keywords). With `limit`, stops early once
 * every cell of a row exceeds it and returns `limit + 1`; below the limit the answer is exact.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * Candidates ordered by distance to `name` (ties keep their order), at most `limit`.
 * With `closeOnly`, only those a typo away: distance at most a third of the name, min 2.
 */
export function nearestNames(
  name: string,
  candidates: readonly string[],
  options: { limit?: number; closeOnly?: boolean } = {},
): string[] {
  const { limit = 1, closeOnly = true } = options;
  const max = Math.max(2, Math.floor(name.length / 3));
  return [...new Set(candidates)]
    .filter((c) => c !== name)
    .map((c) => ({ c, d: editDistance(name, c) }))
    .filter(({ d }) => !closeOnly || d <= max)
    .sort((x, y) => x.d - y.d)
    .slice(0, limit)
    .map(({ c }) => c);
}
