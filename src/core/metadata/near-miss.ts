import { editDistance } from '../names/index.ts';

/**
 * "Did you mean" suggestions for section names, keywords and hardening names.
 */

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
