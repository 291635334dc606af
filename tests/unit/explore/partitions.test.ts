import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  countPartitions,
  forEachSplit,
  listPartitions,
  refines,
  stirlingRow,
  toRgs,
} from '../../../src/core/explore/space/partitions.ts';

/** Every labelling of n elements with labels < n, reduced to RGS: all partitions, brute force. */
function brutePartitions(n: number, max: number): Set<string> {
  const out = new Set<string>();
  const labels = new Array<number>(n).fill(0);
  const rec = (i: number): void => {
    if (i === n) {
      const rgs = toRgs(labels);
      if (Math.max(-1, ...rgs) + 1 <= max) out.add(rgs.join(','));
      return;
    }
    for (let l = 0; l < n; l++) {
      labels[i] = l;
      rec(i + 1);
    }
  };
  rec(0);
  return out;
}

describe('partitions', () => {
  it('counts with Stirling numbers: 10 elements into at most 4 blocks is 43,947', () => {
    expect(stirlingRow(10, 4)).toEqual([0n, 1n, 511n, 9330n, 34105n]);
    expect(countPartitions(10, 4)).toBe(43947n);
    expect(countPartitions(3, 3)).toBe(5n);
    expect(countPartitions(0, 3)).toBe(1n);
    // Bell(20), far beyond listing.
    expect(countPartitions(20, 20)).toBe(51724158235372n);
  });

  it('lists every partition exactly once, in agreement with brute force and the count', () => {
    for (let n = 1; n <= 6; n++)
      for (let max = 1; max <= n + 1; max++) {
        const listed = listPartitions(n, max).map((p) => p.join(','));
        expect(new Set(listed).size).toBe(listed.length);
        expect(new Set(listed)).toEqual(brutePartitions(n, max));
        expect(BigInt(listed.length)).toBe(countPartitions(n, max));
      }
  });

  it('splits a partition into exactly its covers in the refinement order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.nat(), (n, pick) => {
        const all = listPartitions(n, n);
        const p = all[pick % all.length] as number[];
        const blocks = Math.max(...p) + 1;
        const covers = new Set<string>();
        forEachSplit(p, blocks, (labels) => covers.add(toRgs(labels).join(',')));
        const expected = all
          .filter((q) => Math.max(...q) === blocks && refines(q, p))
          .map((q) => q.join(','));
        expect(covers).toEqual(new Set(expected));
      }),
    );
  });

  it('decides refinement as "together in the finer means together in the coarser"', () => {
    const all = listPartitions(5, 5);
    for (const a of all)
      for (const b of all) {
        let brute = true;
        for (let i = 0; i < 5; i++)
          for (let j = 0; j < 5; j++) if (a[i] === a[j] && b[i] !== b[j]) brute = false;
        expect(refines(a, b)).toBe(brute);
      }
  });
});
