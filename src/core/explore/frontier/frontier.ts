import { isSafer, type Order } from '../order/orders.ts';
import { safetyRank, type Configuration } from '../space/space.ts';
import { NEVER_STOP, type Stopper } from '../stop.ts';

/**
 * A performance budget: `>= N` on a throughput label (higher is better) or `<= N` on a
 * latency label (lower is better).
 */
export interface Budget {
  kind: 'at-least' | 'at-most';
  value: number;
}

/** Where a label comes from; an estimate always says it is one. */
export type LabelKind = 'measured' | 'imported' | 'estimate';

/** A performance label of one configuration. */
export interface Label {
  value: number;
  kind: LabelKind;
}

/** Reads `>=500000`, `>= 5e5`, `<=120` (spaces optional); `undefined` when it is none of those. */
export function parseBudget(text: string): Budget | undefined {
  const m = /^\s*(>=|<=)\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*$/i.exec(text);
  if (!m) return undefined;
  const value = Number(m[2]);
  if (!Number.isFinite(value)) return undefined;
  return { kind: m[1] === '>=' ? 'at-least' : 'at-most', value };
}

export function formatBudget(b: Budget): string {
  return `${b.kind === 'at-least' ? '>=' : '<='} ${b.value}`;
}

/** Whether a label value meets the budget (no budget: everything does). */
export function meetsBudget(budget: Budget | undefined, value: number): boolean {
  if (!budget) return true;
  return budget.kind === 'at-least' ? value >= budget.value : value <= budget.value;
}

/** Whether `a` performs strictly better than `b` in the direction of the budget. */
export function betterThan(budget: Budget | undefined, a: number, b: number): boolean {
  return budget?.kind === 'at-most' ? a < b : a > b;
}

/**
 * Maximal elements of `members` (positions in `configs`) under `order`. Candidates go in
 * decreasing safety rank, so anything that could dominate one was seen before it, and each is
 * compared only with the maximal elements found so far of a strictly higher rank (a strictly
 * safer configuration has one): the cost is members × frontier at most, not members².
 */
export function maximalElements(
  configs: readonly Configuration[],
  members: readonly number[],
  order: Order,
  stopper: Stopper = NEVER_STOP,
): number[] {
  const ranks = new Map(members.map((i) => [i, safetyRank(configs[i] as Configuration)]));
  const sorted = [...members].sort(
    (a, b) => (ranks.get(b) as number) - (ranks.get(a) as number) || a - b,
  );
  const maximal: number[] = [];
  // maximal[0 .. higher) have a rank above the candidate's.
  let higher = 0;
  let rank = Infinity;
  for (const i of sorted) {
    stopper.tick();
    const r = ranks.get(i) as number;
    if (r < rank) {
      rank = r;
      higher = maximal.length;
    }
    const c = configs[i] as Configuration;
    let dominated = false;
    for (let k = 0; k < higher && !dominated; k++)
      dominated = isSafer(order, c, configs[maximal[k] as number] as Configuration);
    if (!dominated) maximal.push(i);
  }
  return maximal.sort((a, b) => a - b);
}

/** The frontier of a labelled list of configurations. */
export interface FrontierResult {
  /** Positions of the maximal configurations meeting the budget, ascending. */
  frontier: number[];
  /** How many configurations meet the budget. */
  meeting: number;
  /** Positions without a label (they cannot be placed; `frontier` ignores them). */
  unlabelled: number[];
}

/**
 * The frontier under a budget (docs/semantics.md): drop every configuration below the budget and
 * return the maximal elements of what is left. Makes no assumption about the labels.
 */
export function computeFrontier(
  configs: readonly Configuration[],
  labels: readonly (number | undefined)[],
  budget: Budget | undefined,
  order: Order,
  stopper: Stopper = NEVER_STOP,
): FrontierResult {
  const meeting: number[] = [];
  const unlabelled: number[] = [];
  configs.forEach((_, i) => {
    const v = labels[i];
    if (v === undefined || Number.isNaN(v)) unlabelled.push(i);
    else if (meetsBudget(budget, v)) meeting.push(i);
  });
  return {
    frontier: maximalElements(configs, meeting, order, stopper),
    meeting: meeting.length,
    unlabelled,
  };
}

/**
 * Those of `unlabelled` that could still be on the frontier whatever their labels: no member of
 * `frontier` (the maximal labelled configurations meeting the budget) is strictly safer. Any
 * labelled configuration meeting the budget lies below a frontier member, so comparing with the
 * frontier alone decides "a labelled configuration meeting the budget is strictly safer".
 */
export function undominated(
  configs: readonly Configuration[],
  unlabelled: readonly number[],
  frontier: readonly number[],
  order: Order,
  stopper: Stopper = NEVER_STOP,
): number[] {
  // Safest first: only members of a higher rank can be strictly safer.
  const members = frontier
    .map((f) => ({ c: configs[f] as Configuration, rank: safetyRank(configs[f] as Configuration) }))
    .sort((a, b) => b.rank - a.rank);
  return unlabelled.filter((i) => {
    const c = configs[i] as Configuration;
    const rank = safetyRank(c);
    for (const m of members) {
      stopper.tick();
      if (m.rank <= rank) break;
      if (isSafer(order, c, m.c)) return false;
    }
    return true;
  });
}

/** Configurations grouped by safety rank, safest level first, best label first in a level. */
export function rankBySafety(
  configs: readonly Configuration[],
  members: readonly number[],
  labels: readonly (number | undefined)[],
  budget?: Budget,
): { level: number; members: number[] }[] {
  const levels = new Map<number, number[]>();
  for (const i of members) {
    const r = safetyRank(configs[i] as Configuration);
    levels.set(r, [...(levels.get(r) ?? []), i]);
  }
  const value = (i: number): number => labels[i] ?? Number.NaN;
  return [...levels.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([level, list]) => ({
      level,
      members: list.sort((a, b) => {
        const va = value(a);
        const vb = value(b);
        if (Number.isNaN(va) || Number.isNaN(vb))
          return Number.isNaN(va) ? (Number.isNaN(vb) ? a - b : 1) : -1;
        return betterThan(budget, va, vb) ? -1 : betterThan(budget, vb, va) ? 1 : a - b;
      }),
    }));
}
