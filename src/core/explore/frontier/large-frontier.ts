import type { Order } from '../order/orders.ts';
import { countPartitions, forEachPartition, forEachSplit } from '../space/partitions.ts';
import type { Configuration, Space } from '../space/space.ts';
import { NEVER_STOP, type Stopper } from '../stop.ts';

/**
 * The frontier of a space too large to list, under a monotone cost model. The space is a
 * product of the partition refinement lattice and the subset lattice of options; a budget
 * keeps a down-set of it (costs only grow along safer edges). So for each partition `P` with
 * crossing cost `c`, the hardening subsets meeting the budget are a prefix of the subsets
 * sorted by cost, and `(P, H)` is maximal when
 * - `H` is a maximal subset meeting the budget at `c`: its cheapest one-option extension does
 *   not (so every subset is tested once, against one precomputed number, never pairwise);
 * - product order: also `(P', H)` misses the budget for the cheapest split `P'` of `P`;
 * - flexos order: for `H = {}` also `(P', {})` misses it for every split `P'`.
 * Counting is two binary searches per partition; listing scans only subsets meeting the budget.
 */
export interface LargeFrontierInput {
  space: Space;
  order: Order;
  /** Cost of a partition (block of each group); never smaller after a split. */
  partitionCost(blocks: ArrayLike<number>): number;
  /** Cost of a hardening mask; never smaller for a superset. */
  hardeningCost(mask: number): number;
  /** Whether the costs meet the budget; once false, false for any larger cost. */
  meets(partitionCost: number, hardeningCost: number): boolean;
  /** Value reported and ranked, higher is better; never larger for larger costs. */
  score(partitionCost: number, hardeningCost: number): number;
  /** List the whole frontier when it has at most this many members (default 10,000). */
  listLimit?: number;
  /** Otherwise list this many members with the best score (default 100). */
  best?: number;
  /**
   * Extra validity (a component's `[Requires]`) applied to the members examined. Exact when
   * the valid configurations are closed under "safer", as the solver's rules are: then the
   * frontier of the valid ones is the valid members of this frontier.
   */
  isAllowed?: (cfg: Configuration) => boolean;
  /** Asked for every partition (`stop.ts`). */
  stopper?: Stopper;
  onProgress?: (progress: { phase: 'count' | 'list'; done: number; total: number }) => void;
}

export interface LargeMember {
  config: Configuration;
  score: number;
}

export interface LargeFrontierResult {
  partitions: number;
  /** Configurations meeting the budget. */
  meeting: number;
  /** Size of the frontier (of the allowed members when `sizeExact`). */
  frontierSize: number;
  /** Whether `members` is the whole frontier (else the `best` with the highest score). */
  complete: boolean;
  /** Sorted by score, best first. */
  members: LargeMember[];
  /** Members examined and rejected by `isAllowed`. */
  disallowed: number;
  /** False when `isAllowed` was given but could not be applied to every member. */
  sizeExact: boolean;
}

/** Most options `largeFrontier` takes (it keeps arrays over all 2^options subsets). */
export const LARGE_MAX_OPTIONS = 22;

export function largeFrontier(input: LargeFrontierInput): LargeFrontierResult {
  const { space, order, meets, score } = input;
  const stopper = input.stopper ?? NEVER_STOP;
  const m = space.options.length;
  if (m > LARGE_MAX_OPTIONS)
    throw new Error(`largeFrontier takes at most ${LARGE_MAX_OPTIONS} options`);
  const subsets = 2 ** m;
  const cost = new Float64Array(subsets);
  for (let mask = 0; mask < subsets; mask++) cost[mask] = input.hardeningCost(mask);
  const byCost = Uint32Array.from({ length: subsets }, (_, i) => i).sort(
    (a, b) => (cost[a] as number) - (cost[b] as number) || a - b,
  );
  const sortedCost = Float64Array.from(byCost, (mask) => cost[mask] as number);
  const nextMin = new Float64Array(subsets).fill(Infinity);
  for (let mask = 0; mask < subsets; mask++)
    for (let o = 0; o < m; o++)
      if (!(mask & (1 << o)))
        nextMin[mask] = Math.min(nextMin[mask] as number, cost[mask | (1 << o)] as number);
  const sortedNext = Float64Array.from(nextMin).sort();

  // Pass 1: per partition its cost, its cheapest split's cost, and its frontier count.
  const costs: number[] = [];
  const splitCosts: number[] = [];
  const groups = space.groups.length;
  const total = Number(countPartitions(groups, space.maxCompartments));
  let meeting = 0;
  let frontierSize = 0;
  let done = 0;
  forEachPartition(groups, space.maxCompartments, (rgs, blocks) => {
    stopper.tick();
    const c = input.partitionCost(rgs);
    let cs = Infinity;
    if (blocks < space.maxCompartments)
      forEachSplit(rgs, blocks, (labels) => (cs = Math.min(cs, input.partitionCost(labels))));
    costs.push(c);
    splitCosts.push(cs);
    const s = scanBounds(c, cs);
    meeting += s.k;
    frontierSize += s.count;
    if (++done % 2048 === 0) input.onProgress?.({ phase: 'count', done, total });
  });
  input.onProgress?.({ phase: 'count', done, total });

  /** Feasible prefix length, candidate range and frontier count of one partition. */
  function scanBounds(
    c: number,
    cs: number,
  ): { k: number; from: number; count: number; dropEmpty: boolean } {
    const k = prefix((h) => meets(c, h));
    if (k === 0) return { k, from: 0, count: 0, dropEmpty: false };
    const hmax = sortedCost[k - 1] as number;
    const hasSplit = cs !== Infinity;
    if (order === 'product') {
      const from = hasSplit ? prefix((h) => meets(cs, h)) : 0;
      let count = 0;
      for (let i = from; i < k; i++) if ((nextMin[byCost[i] as number] as number) > hmax) count++;
      return { k, from, count, dropEmpty: false };
    }
    const maximal = k - upperBound(sortedNext, hmax);
    const dropEmpty = (nextMin[0] as number) > hmax && hasSplit && meets(cs, 0);
    return { k, from: 0, count: maximal - (dropEmpty ? 1 : 0), dropEmpty };
  }

  function prefix(ok: (h: number) => boolean): number {
    let lo = 0;
    let hi = subsets;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ok(sortedCost[mid] as number)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // Pass 2: list every member, or keep the best ones.
  const listLimit = input.listLimit ?? 10_000;
  const complete = frontierSize <= listLimit;
  const best = complete ? Infinity : (input.best ?? 100);
  const heap = createWorstFirstHeap();
  let disallowed = 0;
  let p = 0;
  forEachPartition(groups, space.maxCompartments, (rgs) => {
    stopper.tick();
    const c = costs[p] as number;
    const s = scanBounds(c, splitCosts[p] as number);
    const hmax = s.k > 0 ? (sortedCost[s.k - 1] as number) : -Infinity;
    let blocks: number[] | undefined;
    for (let i = s.from; i < s.k; i++) {
      const mask = byCost[i] as number;
      if ((nextMin[mask] as number) <= hmax || (mask === 0 && s.dropEmpty)) continue;
      const value = score(c, cost[mask] as number);
      if (heap.size() >= best && value < heap.worst()) break;
      blocks ??= Array.from(rgs);
      const config = { blocks, hardening: mask };
      if (input.isAllowed && !input.isAllowed(config)) {
        disallowed++;
        continue;
      }
      heap.push({ config, score: value }, p, mask);
      if (heap.size() > best) heap.pop();
    }
    if (++p % 2048 === 0) input.onProgress?.({ phase: 'list', done: p, total });
  });
  input.onProgress?.({ phase: 'list', done: p, total });
  const members = heap.sorted();
  const exact = complete || !input.isAllowed;
  return {
    partitions: total,
    meeting,
    frontierSize: complete && input.isAllowed ? members.length : frontierSize,
    complete,
    members,
    disallowed,
    sizeExact: exact,
  };
}

function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface HeapEntry {
  member: LargeMember;
  p: number;
  mask: number;
}

/** A binary heap whose top is the worst entry: lowest score, then latest partition and mask. */
function createWorstFirstHeap() {
  const a: HeapEntry[] = [];
  const worse = (x: HeapEntry, y: HeapEntry): boolean =>
    x.member.score !== y.member.score
      ? x.member.score < y.member.score
      : x.p !== y.p
        ? x.p > y.p
        : x.mask > y.mask;
  const swap = (i: number, j: number): void => {
    const t = a[i] as HeapEntry;
    a[i] = a[j] as HeapEntry;
    a[j] = t;
  };
  return {
    size: () => a.length,
    worst: () => a[0]?.member.score ?? -Infinity,
    push(member: LargeMember, p: number, mask: number): void {
      a.push({ member, p, mask });
      for (let i = a.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!worse(a[i] as HeapEntry, a[parent] as HeapEntry)) break;
        swap(i, parent);
        i = parent;
      }
    },
    pop(): void {
      const last = a.pop();
      if (!last || a.length === 0) return;
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let w = i;
        if (l < a.length && worse(a[l] as HeapEntry, a[w] as HeapEntry)) w = l;
        if (r < a.length && worse(a[r] as HeapEntry, a[w] as HeapEntry)) w = r;
        if (w === i) break;
        swap(i, w);
        i = w;
      }
    },
    sorted: (): LargeMember[] =>
      [...a].sort((x, y) => (worse(x, y) ? 1 : worse(y, x) ? -1 : 0)).map((e) => e.member),
  };
}
