/**
 * Positions in an instantiated C file → positions in the file the user wrote, so that a
 * compiler error points at the user's own line.
 *
 * The rewriter edits a file in place: most lines come out unchanged, a gate or a shared local
 * changes within its line, a callback wrapper or a shared literal adds lines. The lines are
 * aligned the way patience diff does it (common ends, then lines that occur once on each side
 * as anchors, in order, recursively), which is linear on such files and never pairs a line
 * with a distant look-alike. A changed line keeps the columns of its unchanged start and end;
 * an added line maps to the user's line it was generated from (the line before it).
 */
export interface LineMap {
  /** 1-based line and column of the instantiated text → the same in the original. */
  toOriginal(line: number, column: number): { line: number; column: number };
}

export function createLineMap(original: string, instantiated: string): LineMap {
  const a = original.split('\n');
  const b = instantiated.split('\n');
  const match = alignLines(a, b);
  const target = pairUnmatched(match, a.length);
  return {
    toOriginal(line, column) {
      const i = Math.min(Math.max(line, 1), b.length) - 1;
      const j = target[i] ?? 0;
      const from = b[i] ?? '';
      const to = a[j] ?? '';
      return { line: j + 1, column: mapColumn(from, to, column) };
    },
  };
}

/** For each line of `b`, the index of the same line in `a`, or -1; pairs are in order. */
export function alignLines(a: readonly string[], b: readonly string[]): number[] {
  const match = new Array<number>(b.length).fill(-1);
  const work: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  for (let range = work.pop(); range; range = work.pop()) {
    let [aLo, aHi, bLo, bHi] = range;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) match[bLo++] = aLo++;
    while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) match[--bHi] = --aHi;
    const anchors = uniqueCommon(a, aLo, aHi, b, bLo, bHi);
    let pa = aLo;
    let pb = bLo;
    for (const [ia, ib] of anchors) {
      match[ib] = ia;
      work.push([pa, ia, pb, ib]);
      pa = ia + 1;
      pb = ib + 1;
    }
    if (anchors.length > 0) work.push([pa, aHi, pb, bHi]);
  }
  return match;
}

/** Lines occurring once in each range, as `[indexInA, indexInB]`, longest increasing run. */
function uniqueCommon(
  a: readonly string[],
  aLo: number,
  aHi: number,
  b: readonly string[],
  bLo: number,
  bHi: number,
): [number, number][] {
  const count = new Map<string, { a: number; b: number; ia: number; ib: number }>();
  for (let i = aLo; i < aHi; i++) {
    const c = count.get(a[i] as string) ?? { a: 0, b: 0, ia: i, ib: -1 };
    c.a++;
    count.set(a[i] as string, c);
  }
  for (let i = bLo; i < bHi; i++) {
    const c = count.get(b[i] as string);
    if (!c) continue;
    c.b++;
    c.ib = i;
  }
  const pairs: [number, number][] = [];
  for (const c of count.values()) if (c.a === 1 && c.b === 1) pairs.push([c.ia, c.ib]);
  pairs.sort((x, y) => x[1] - y[1]);
  return longestIncreasing(pairs);
}

/** The longest subsequence of `pairs` (sorted by b) whose a-indices increase (patience sort). */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const prev = new Array<number>(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const ia = (pairs[k] as [number, number])[0];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[tails[mid] as number] as [number, number])[0] < ia) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1] as number;
    tails[lo] = k;
  }
  const out: [number, number][] = [];
  for (
    let k = tails.length > 0 ? (tails[tails.length - 1] as number) : -1;
    k >= 0;
    k = prev[k] as number
  )
    out.push(pairs[k] as [number, number]);
  return out.reverse();
}

/**
 * Every line of `b` gets a line of `a`. Between two aligned lines, the lines left over on both
 * sides pair up in order when there are as many on each side (lines changed in place); else
 * each leftover line of `b` maps to the leftover lines of `a` in order, the extra ones to the
 * last; with none left in `a` (lines added), to the aligned line before them.
 */
function pairUnmatched(match: readonly number[], aLength: number): number[] {
  const out = [...match];
  let i = 0;
  while (i < out.length) {
    if ((out[i] as number) >= 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < out.length && (out[end] as number) < 0) end++;
    const before = i > 0 ? (out[i - 1] as number) : -1;
    const after = end < out.length ? (out[end] as number) : aLength;
    const gap = after - before - 1;
    for (let k = i; k < end; k++) {
      if (gap > 0) out[k] = before + 1 + Math.min(k - i, gap - 1);
      else out[k] = Math.max(before, 0);
    }
    i = end;
  }
  return out;
}

/** A column of `from` in `to`: kept in their common start, shifted in their common end. */
function mapColumn(from: string, to: string, column: number): number {
  if (from === to) return column;
  let p = 0;
  while (p < from.length && p < to.length && from[p] === to[p]) p++;
  let s = 0;
  while (
    s < from.length - p &&
    s < to.length - p &&
    from[from.length - 1 - s] === to[to.length - 1 - s]
  )
    s++;
  const c = column - 1;
  if (c <= p) return Math.min(column, to.length + 1);
  if (c >= from.length - s) return Math.max(1, c - (from.length - to.length) + 1);
  return p + 1;
}
