import { maximalElements, meetsBudget, type Budget } from './frontier.ts';
import { createLazyGuide, type LazyGuide } from './lazy-guide.ts';
import { isSafer, type Order } from '../order/orders.ts';
import type { Configuration } from '../space/space.ts';

/**
 * Lazy labelling: find the frontier while measuring as few configurations as possible,
 * assuming performance does not increase along a safer edge of the order. Then a configuration
 * meeting the budget shows that everything less safe meets it, and one missing the budget shows
 * that everything safer misses it; the frontier is known once every configuration is decided.
 * The next one measured is the undecided configuration expected to decide the most: with `p`
 * the chance it meets the budget (from an additive model of what was measured, `lazy-guide.ts`),
 * `p * (undecided below + 1) + (1 - p) * (undecided above + 1)`; that measures likely frontier
 * members and likely first misses, which is what a proof of the frontier consists of. Before
 * two measurements the one deciding the most in the worse outcome goes first.
 */
export interface LazyInput {
  configs: readonly Configuration[];
  /** Canonical id of each configuration, passed to `measure`. */
  ids: readonly string[];
  order: Order;
  /** Without a budget every configuration meets it and nothing needs measuring. */
  budget: Budget | undefined;
  /**
   * Measures one configuration (a CSV look-up, the cost model, a runner). A non-finite value
   * means it cannot be labelled; the search goes on without it and says so.
   */
  measure: (id: string) => number | Promise<number>;
  /** Called after each measurement. */
  onMeasure?: (event: { id: string; value: number; measured: number; undecided: number }) => void;
}

export interface LazyResult {
  /** Positions of the frontier, ascending (over the configurations known to meet the budget). */
  frontier: number[];
  /** How many configurations are known to meet the budget (measured or inferred). */
  meeting: number;
  /** Measured values by position; `undefined` where nothing was measured. */
  labels: (number | undefined)[];
  /** How many measurements were taken. */
  measured: number;
  /** Positions that could not be measured; non-empty means the frontier may be incomplete. */
  missing: number[];
  status: 'complete' | 'incomplete';
}

/** Largest list `lazyFrontier` takes: it keeps the order as n² bits. */
export const LAZY_LIMIT = 4096;

const UNDECIDED = 0;
const MEETS = 1;
const MISSES = 2;
const UNMEASURABLE = 3;

export async function lazyFrontier(input: LazyInput): Promise<LazyResult> {
  const { configs, order, budget } = input;
  const n = configs.length;
  if (n > LAZY_LIMIT) throw new Error(`lazyFrontier takes at most ${LAZY_LIMIT} configurations`);
  const labels: (number | undefined)[] = new Array<number | undefined>(n).fill(undefined);
  const all = configs.map((_, i) => i);
  if (!budget)
    return {
      frontier: maximalElements(configs, all, order),
      meeting: n,
      labels,
      measured: 0,
      missing: [],
      status: 'complete',
    };
  const words = (n + 31) >>> 5;
  const below = Array.from({ length: n }, () => new Uint32Array(words));
  const above = Array.from({ length: n }, () => new Uint32Array(words));
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (isSafer(order, configs[i] as Configuration, configs[j] as Configuration)) {
        setBit(above[i] as Uint32Array, j);
        setBit(below[j] as Uint32Array, i);
      }
  const state = new Uint8Array(n);
  const undecided = new Uint32Array(words);
  for (let i = 0; i < n; i++) setBit(undecided, i);
  let left = n;
  const settle = (i: number, s: number): void => {
    if (state[i] !== UNDECIDED) return;
    state[i] = s;
    undecided[i >>> 5] = (undecided[i >>> 5] as number) & ~(1 << (i & 31));
    left--;
  };
  let measured = 0;
  const missing: number[] = [];
  const guide = createLazyGuide(configs, budget);
  while (left > 0) {
    const i = pick(n, state, below, above, undecided, guide);
    const id = input.ids[i] as string;
    const value = await input.measure(id);
    measured++;
    if (!Number.isFinite(value)) {
      missing.push(i);
      settle(i, UNMEASURABLE);
    } else {
      labels[i] = value;
      guide.add(i, value);
      const ok = meetsBudget(budget, value);
      settle(i, ok ? MEETS : MISSES);
      const spread = (ok ? below : above)[i] as Uint32Array;
      for (let j = 0; j < n; j++)
        if ((spread[j >>> 5] as number) & (1 << (j & 31))) settle(j, ok ? MEETS : MISSES);
    }
    input.onMeasure?.({ id, value, measured, undecided: left });
  }
  const meeting = all.filter((i) => state[i] === MEETS);
  return {
    frontier: maximalElements(configs, meeting, order),
    meeting: meeting.length,
    labels,
    measured,
    missing,
    status: missing.length > 0 ? 'incomplete' : 'complete',
  };
}

function pick(
  n: number,
  state: Uint8Array,
  below: Uint32Array[],
  above: Uint32Array[],
  undecided: Uint32Array,
  guide: LazyGuide,
): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < n; i++) {
    if (state[i] !== UNDECIDED) continue;
    const d = countAnd(below[i] as Uint32Array, undecided);
    const u = countAnd(above[i] as Uint32Array, undecided);
    const p = guide.chance(i);
    // Without a model: the worse outcome first, the total as a tie-break.
    const score =
      p === undefined ? Math.min(d, u) * (n + 1) * 2 + d + u : p * (d + 1) + (1 - p) * (u + 1);
    if (best < 0 || score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

function setBit(bits: Uint32Array, i: number): void {
  bits[i >>> 5] = (bits[i >>> 5] as number) | (1 << (i & 31));
}

function countAnd(a: Uint32Array, b: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < a.length; w++) {
    let x = ((a[w] as number) & (b[w] as number)) >>> 0;
    while (x !== 0) {
      x &= x - 1;
      n++;
    }
  }
  return n;
}
