import type { TextEdit } from '../diagnostics.ts';

/**
 * Where a range of the original text lies in the text `applyEditList` made of it. `applied`
 * are the edits it applied (sorted by start, never overlapping). A bound inside a replaced
 * range widens to the whole replacement, so a gate call rewritten as a whole maps to the new
 * call; text inserted exactly at a bound stays outside the range (statements added before a
 * declaration are not part of it).
 */
export function mapRange(
  applied: readonly TextEdit[],
  start: number,
  end: number,
): { start: number; end: number } {
  return { start: mapOffset(applied, start, 'start'), end: mapOffset(applied, end, 'end') };
}

function mapOffset(applied: readonly TextEdit[], p: number, bias: 'start' | 'end'): number {
  let delta = 0;
  for (const e of applied) {
    const growth = e.text.length - (e.end - e.start);
    if (e.start === e.end) {
      // An insertion at the bound: after it for a start, before it for an end.
      if (e.start < p || (e.start === p && bias === 'start')) delta += growth;
      else break;
      continue;
    }
    if (e.end <= p) {
      delta += growth;
      continue;
    }
    if (e.start >= p) break;
    // p falls inside the replaced range.
    return bias === 'start' ? e.start + delta : e.start + delta + e.text.length;
  }
  return p + delta;
}
