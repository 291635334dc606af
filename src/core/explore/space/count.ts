import { countPartitions, forEachPartition } from './partitions.ts';
import type { Configuration, Space } from './space.ts';

/** Size of a design space, exact, computed without listing it. */
export interface SpaceCount {
  /** Partitions of the groups into at most `maxCompartments` blocks (sum of Stirling numbers). */
  partitions: bigint;
  /** Subsets of the hardening options: `2 ** options`. */
  hardeningSubsets: bigint;
  /** `partitions * hardeningSubsets`. */
  total: bigint;
}

/** Counts a space's configurations at once, however large (no enumeration). */
export function countConfigurations(space: Space): SpaceCount {
  const partitions = countPartitions(space.groups.length, space.maxCompartments);
  const hardeningSubsets = 1n << BigInt(space.options.length);
  return { partitions, hardeningSubsets, total: partitions * hardeningSubsets };
}

/** Largest space `enumerateConfigurations` is asked to list by the explorer. */
export const ENUMERATION_LIMIT = 200_000;

/**
 * Every configuration of a space, partitions in RGS order, then hardening masks ascending;
 * position `p * 2 ** options + mask`. Only for spaces known to be small (`countConfigurations`).
 */
export function enumerateConfigurations(space: Space): Configuration[] {
  const out: Configuration[] = [];
  const subsets = 2 ** space.options.length;
  forEachPartition(space.groups.length, space.maxCompartments, (rgs) => {
    const blocks = Array.from(rgs);
    for (let mask = 0; mask < subsets; mask++) out.push({ blocks, hardening: mask });
  });
  return out;
}
