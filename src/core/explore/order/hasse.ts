import { countConfigurations } from '../space/count.ts';
import { isSafer, type Order } from './orders.ts';
import { stirlingRow } from '../space/partitions.ts';
import { safetyRank, type Configuration, type Space } from '../space/space.ts';

/** A covering edge between positions of a list: `to` is safer than `from`, nothing in between. */
export interface HasseEdge {
  from: number;
  to: number;
}

/**
 * Covering edges of the order restricted to `configs` (any subset of a space). Pairs are only
 * tried between configurations of increasing safety rank, and a pair is a cover when no
 * configuration of the subset lies strictly between; meant for the subsets a view shows (up to
 * a few thousand nodes), never for a whole large space (`countCoveringEdges` counts those).
 */
export function hasseDiagram(configs: readonly Configuration[], order: Order): HasseEdge[] {
  const ranks = configs.map(safetyRank);
  const byRank = configs
    .map((_, i) => i)
    .sort((a, b) => (ranks[a] as number) - (ranks[b] as number));
  const edges: HasseEdge[] = [];
  for (const i of byRank) {
    const a = configs[i] as Configuration;
    // Safer configurations in increasing rank: a candidate is a cover unless an earlier
    // (lower-rank) safer one lies below it.
    const above: number[] = [];
    for (const j of byRank) {
      if ((ranks[j] as number) <= (ranks[i] as number)) continue;
      if (isSafer(order, a, configs[j] as Configuration)) above.push(j);
    }
    const covers: number[] = [];
    for (const j of above) {
      const b = configs[j] as Configuration;
      const between = above.some(
        (k) =>
          (ranks[k] as number) < (ranks[j] as number) &&
          isSafer(order, configs[k] as Configuration, b),
      );
      if (!between) covers.push(j);
    }
    for (const j of covers) edges.push({ from: i, to: j });
  }
  return edges.sort((x, y) => x.from - y.from || x.to - y.to);
}

/**
 * Number of covering edges of a whole space, from its structure: a cover adds one option or
 * (product: with any hardening; flexos: only without hardening) splits one compartment in two.
 * A split, read from the finer side, is a partition of `k` blocks and a pair of them merged, so
 * the splits number `sum over k <= max of S(groups, k) * k(k-1)/2`: exact for any size, in time
 * proportional to groups × max (never listing a partition).
 */
export function countCoveringEdges(space: Space, order: Order): bigint {
  const { partitions, hardeningSubsets } = countConfigurations(space);
  const m = BigInt(space.options.length);
  const optionEdges = m === 0n ? 0n : partitions * m * (hardeningSubsets / 2n);
  const n = space.groups.length;
  const row = stirlingRow(n, Math.min(n, space.maxCompartments));
  let splits = 0n;
  row.forEach((s, k) => (splits += (s * BigInt(k) * BigInt(k - 1)) / 2n));
  return optionEdges + (order === 'product' ? splits * hardeningSubsets : splits);
}

/** The minimal elements of a list (configurations with nothing less safe in the list). */
export function minimalElements(configs: readonly Configuration[], order: Order): number[] {
  return configs
    .map((_, i) => i)
    .filter((i) => !configs.some((c) => isSafer(order, c, configs[i] as Configuration)));
}
