/**
 * Set partitions as restricted growth strings (RGS): `rgs[i]` is the block of element `i`,
 * `rgs[0] = 0`, and each element is in a block already used or in the next new one. Every
 * partition has exactly one RGS, so enumeration has no duplicates and equality is `===` on
 * each entry.
 */

/** Stirling numbers of the second kind `S(n, k)` for `k = 0..maxK`, exactly. */
export function stirlingRow(n: number, maxK: number): bigint[] {
  // row[k] = S(m, k), built up from m = 0 by S(m, k) = k S(m-1, k) + S(m-1, k-1).
  let row: bigint[] = Array.from({ length: maxK + 1 }, (_, k) => (k === 0 ? 1n : 0n));
  for (let m = 1; m <= n; m++) {
    const next = row.map(() => 0n);
    for (let k = 1; k <= maxK; k++) next[k] = BigInt(k) * (row[k] ?? 0n) + (row[k - 1] ?? 0n);
    row = next;
  }
  return row;
}

/** Number of partitions of `n` elements into at most `maxBlocks` blocks (1 when n = 0). */
export function countPartitions(n: number, maxBlocks: number): bigint {
  const k = Math.max(0, Math.min(n, maxBlocks));
  if (n === 0) return 1n;
  return stirlingRow(n, k).reduce((a, b) => a + b, 0n);
}

/**
 * Calls `visit` with every partition of `n` elements into at most `maxBlocks` blocks, in
 * lexicographic RGS order; a visit returning `false` ends the walk. The array passed is reused
 * between calls: copy it to keep it.
 */
export function forEachPartition(
  n: number,
  maxBlocks: number,
  visit: (rgs: Int32Array, blocks: number) => boolean | void,
): void {
  const rgs = new Int32Array(n);
  if (n === 0) {
    visit(rgs, 0);
    return;
  }
  // top[i] = number of blocks used by rgs[0..i].
  const top = new Int32Array(n).fill(1);
  const limit = Math.max(1, maxBlocks);
  for (;;) {
    if (visit(rgs, top[n - 1] as number) === false) return;
    // Find the last position that can still grow, bump it, reset everything after it to 0.
    let i = n - 1;
    while (i > 0) {
      const prevTop = top[i - 1] as number;
      const v = rgs[i] as number;
      if (v < prevTop && v + 1 < limit) break;
      i--;
    }
    if (i === 0) return;
    rgs[i] = (rgs[i] as number) + 1;
    top[i] = Math.max(top[i - 1] as number, (rgs[i] as number) + 1);
    for (let j = i + 1; j < n; j++) {
      rgs[j] = 0;
      top[j] = top[i] as number;
    }
  }
}

/** Every partition, copied, in lexicographic RGS order. */
export function listPartitions(n: number, maxBlocks: number): number[][] {
  const out: number[][] = [];
  forEachPartition(n, maxBlocks, (rgs) => void out.push(Array.from(rgs)));
  return out;
}

/** Whether `finer` refines or equals `coarser`: elements together in `finer` are together in `coarser`. */
export function refines(finer: ArrayLike<number>, coarser: ArrayLike<number>): boolean {
  const image: number[] = [];
  for (let i = 0; i < finer.length; i++) {
    const f = finer[i] as number;
    const c = coarser[i] as number;
    const seen = image[f];
    if (seen === undefined) image[f] = c;
    else if (seen !== c) return false;
  }
  return true;
}

/** Whether two RGS are the same partition. */
export function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Rewrites any block labelling into its RGS. */
export function toRgs(labels: ArrayLike<number>): number[] {
  const map = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] as number;
    let b = map.get(l);
    if (b === undefined) {
      b = map.size;
      map.set(l, b);
    }
    out.push(b);
  }
  return out;
}

/**
 * Calls `visit` with every partition covering `rgs` in the refinement order (one block split
 * in two), as a labelling where the split-off part gets block number `blocks`; pass it through
 * `toRgs` for the RGS. The array is reused between calls.
 */
export function forEachSplit(
  rgs: ArrayLike<number>,
  blocks: number,
  visit: (labels: Int32Array) => void,
): void {
  const labels = Int32Array.from(rgs as ArrayLike<number>);
  for (let b = 0; b < blocks; b++) {
    const members: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === b) members.push(i);
    // The first member stays; every non-empty proper subset of the others moves out, once.
    const rest = members.length - 1;
    for (let mask = 1; mask < 2 ** rest; mask++) {
      for (let j = 0; j < rest; j++)
        labels[members[j + 1] as number] = mask & (1 << j) ? blocks : b;
      visit(labels);
    }
    for (const m of members) labels[m] = b;
  }
}
