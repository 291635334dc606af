import { refines, samePartition } from '../space/partitions.ts';
import type { Configuration } from '../space/space.ts';

/**
 * The two safety orders of docs/semantics.md, "Design spaces". "B is safer than A":
 * - `flexos`: same partition and B's hardening strictly includes A's; or A has no hardening
 *   and B's partition strictly refines A's (B's hardening is then anything). Hardened
 *   configurations with different partitions are incomparable.
 * - `product`: B's partition refines or equals A's and B's hardening includes A's, not both
 *   equal.
 * `flexos` is contained in `product`: every flexos edge is a product edge.
 */
export const ORDERS = ['flexos', 'product'] as const;
export type Order = (typeof ORDERS)[number];

export function isOrder(s: string): s is Order {
  return (ORDERS as readonly string[]).includes(s);
}

/** Whether hardening mask `a` is a subset of `b`. */
export function isSubsetMask(a: number, b: number): boolean {
  return (a & ~b) === 0;
}

/** Whether `b` is strictly safer than `a` under `order`. */
export function isSafer(order: Order, a: Configuration, b: Configuration): boolean {
  const same = samePartition(a.blocks, b.blocks);
  if (order === 'flexos') {
    if (same) return a.hardening !== b.hardening && isSubsetMask(a.hardening, b.hardening);
    return a.hardening === 0 && refines(b.blocks, a.blocks);
  }
  if (!isSubsetMask(a.hardening, b.hardening) || !refines(b.blocks, a.blocks)) return false;
  return !same || a.hardening !== b.hardening;
}

/** How two configurations compare: `less` means `b` is safer than `a`. */
export type Comparison = 'equal' | 'less' | 'greater' | 'incomparable';

export function compareSafety(order: Order, a: Configuration, b: Configuration): Comparison {
  if (samePartition(a.blocks, b.blocks) && a.hardening === b.hardening) return 'equal';
  if (isSafer(order, a, b)) return 'less';
  if (isSafer(order, b, a)) return 'greater';
  return 'incomparable';
}
