import { maximalElements, meetsBudget, type Budget } from './frontier.ts';
import { createLazyGuide, type LazyGuide } from './lazy-guide.ts';
import { isSafer, type Order } from '../order/orders.ts';
import { safetyRank, type Configuration } from '../space/space.ts';
import { NEVER_STOP, type Stopper } from '../stop.ts';

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
 *
 * Real measurements can break the assumption, and only one of its two inferences matters:
 * a configuration taken to meet the budget is less safe than a measured one that meets it, so
 * it is off the frontier whatever its value; one taken to miss it may in fact meet it and be on
 * the frontier. So an unlabelled configuration could still be on the frontier exactly when no
 * measured configuration strictly safer than it meets the budget (give it a value meeting the
 * budget and everything unmeasured above it values missing it); those are `unverified`. None
 * means the measurements prove the frontier. `verify` then measures them, safest first (one
 * that meets the budget settles everything below it), until none is left.
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
  /**
   * Without a budget, measure the frontier's members (the safest configurations) all the same,
   * to show their performance; otherwise nothing is measured then.
   */
  measureFrontier?: boolean;
  /** Then measure every unlabelled configuration that could still be on the frontier. */
  verify?: boolean;
  /**
   * Called after each measurement; `undecided` counts what is left to decide, or, while
   * `verifying`, what could still be on the frontier.
   */
  onMeasure?: (event: {
    id: string;
    value: number;
    measured: number;
    undecided: number;
    verifying: boolean;
  }) => void;
  /** Asked before each measurement (`stop.ts`). */
  stopper?: Stopper;
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
  /**
   * Positions without a label that could still be on the frontier: no measured configuration
   * strictly safer meets the budget (after `verify`, only those that could not be measured).
   */
  unverified: number[];
  /** Measurements `verify` took (included in `measured`). */
  verified: number;
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
  if (!budget) {
    // Every configuration meets no budget: the frontier is the safest ones, decided without a
    // label. Only they are measured, when measuring is what labels cost (`measureFrontier`),
    // so the frontier comes with its performance.
    const frontier = maximalElements(configs, all, order);
    let measured = 0;
    const missing: number[] = [];
    for (const i of input.measureFrontier ? frontier : []) {
      (input.stopper ?? NEVER_STOP).check();
      const value = await input.measure(input.ids[i] as string);
      measured++;
      if (Number.isFinite(value)) labels[i] = value;
      else missing.push(i);
      input.onMeasure?.({
        id: input.ids[i] as string,
        value,
        measured,
        undecided: frontier.length - measured,
        verifying: false,
      });
    }
    return {
      frontier,
      meeting: n,
      labels,
      measured,
      missing,
      unverified: [],
      verified: 0,
      status: 'complete',
    };
  }
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
  const stopper = input.stopper ?? NEVER_STOP;
  const take = async (i: number): Promise<number> => {
    stopper.check();
    const value = await input.measure(input.ids[i] as string);
    measured++;
    if (!Number.isFinite(value)) missing.push(i);
    else labels[i] = value;
    return value;
  };
  const report = (i: number, value: number, undecided: number, verifying: boolean): void =>
    input.onMeasure?.({ id: input.ids[i] as string, value, measured, undecided, verifying });
  while (left > 0) {
    const i = pick(n, state, below, above, undecided, guide);
    const value = await take(i);
    if (!Number.isFinite(value)) settle(i, UNMEASURABLE);
    else {
      guide.add(i, value);
      const ok = meetsBudget(budget, value);
      settle(i, ok ? MEETS : MISSES);
      const spread = (ok ? below : above)[i] as Uint32Array;
      for (let j = 0; j < n; j++)
        if ((spread[j >>> 5] as number) & (1 << (j & 31))) settle(j, ok ? MEETS : MISSES);
    }
    report(i, value, left, false);
  }
  // Off the frontier for sure: below a measured configuration meeting the budget.
  const dominated = new Uint32Array(words);
  const met: number[] = [];
  const addMet = (i: number): void => {
    met.push(i);
    const b = below[i] as Uint32Array;
    for (let w = 0; w < words; w++) dominated[w] = (dominated[w] as number) | (b[w] as number);
  };
  const open = (i: number): boolean =>
    labels[i] === undefined && ((dominated[i >>> 5] as number) & (1 << (i & 31))) === 0;
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    if (v !== undefined && meetsBudget(budget, v)) addMet(i);
  }
  let verified = 0;
  if (input.verify) {
    const tried = new Uint8Array(n);
    for (const i of missing) tried[i] = 1;
    const ranks = configs.map(safetyRank);
    const candidates = (): number[] => all.filter((i) => tried[i] === 0 && open(i));
    for (let c = candidates(); c.length > 0; c = candidates()) {
      // The safest first: if it meets the budget, it settles everything below it.
      let i = c[0] as number;
      for (const j of c) if ((ranks[j] as number) > (ranks[i] as number)) i = j;
      tried[i] = 1;
      verified++;
      const value = await take(i);
      if (Number.isFinite(value) && meetsBudget(budget, value)) addMet(i);
      report(i, value, candidates().length, true);
    }
  }
  let meeting = met.length;
  for (let i = 0; i < n; i++) if (labels[i] === undefined && !open(i)) meeting++;
  return {
    frontier: maximalElements(configs, met, order),
    meeting,
    labels,
    measured,
    missing,
    unverified: all.filter(open),
    verified,
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
