/**
 * "Did you mean" suggestions for section names, keywords and hardening names.
 */

/** Levenshtein distance, with an early exit once every cell exceeds `limit`. */
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

/** How far a misspelling may be from a short word and still be suggested. */
function tolerance(word: string): number {
  return word.length <= 4 ? 1 : 2;
}

/**
 * The candidate closest to `word`, compared without case and with `_` read as `-`, or
 * `undefined` when none is near enough to be a plausible typo. Exact matches are not
 * suggestions: the caller only asks about words that did not match.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const norm = (s: string): string => s.toLowerCase().replace(/_/g, '-').trim();
  const w = norm(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const limit = tolerance(c);
    const d = editDistance(w, norm(c), limit);
    if (d <= limit && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
