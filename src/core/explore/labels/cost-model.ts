import { fcallsBackend, getBackend, HARDENING_COST_FACTORS } from '../../backends/index.ts';
import type { Hardening, Mechanism, SharingMode } from '../../model.ts';
import type { Label } from '../frontier/frontier.ts';
import type { Configuration, Space } from '../space/space.ts';
import type { Workload } from './parse-workload.ts';

/**
 * Cost constants of one mechanism and sharing mode (docs/semantics.md, "Cost model"; numbers from
 * `backends/`).
 */
export interface CostTable {
  /**
   * Extra cycles of one gate crossing: the mechanism's gate latency minus a plain function
   * call, which the baseline (everything in one compartment) already pays.
   */
  crossingCycles: number;
  /** Cycles to allocate one shared buffer for a crossing (heap 66, dss/shared-stack 2). */
  allocCycles: number;
  /** Factor by which each hardening multiplies a library's share of time (all >= 1). */
  hardeningFactors: Record<Hardening, number>;
}

/** The cost table of a mechanism and sharing mode from `backends/`, with factor overrides. */
export function createCostTable(
  mechanism: Mechanism,
  sharing: SharingMode,
  factors: Partial<Record<Hardening, number>> = {},
): CostTable {
  const backend = getBackend(mechanism);
  return {
    crossingCycles: Math.max(0, backend.gateCycles(sharing) - fcallsBackend.gateCycles(sharing)),
    allocCycles: backend.separatesMemory ? backend.sharedAllocCycles(sharing) : 0,
    hardeningFactors: { ...HARDENING_COST_FACTORS, ...factors },
  };
}

/**
 * Estimates throughput (units/s) of configurations. Time per unit of work is
 * `(1 / baseline + crossings) + hardening`, where crossings are the calls between libraries in
 * different compartments times their cost, and hardening adds, per library, its share of the
 * baseline time times (product of its factors - 1). Both parts only grow along safer edges
 * (more compartments cut more calls, more options add more factors >= 1), so the estimate never
 * increases along a safer edge of either order.
 */
export interface Estimator {
  /** Seconds per unit of work a partition's crossings add; summed in one fixed order. */
  partitionCost(blocks: ArrayLike<number>): number;
  /** Seconds per unit of work a hardening mask adds; summed in one fixed order. */
  hardeningCost(mask: number): number;
  /**
   * Throughput from the two parts. Monotone (never larger) in each: every path that decides
   * budgets (`estimate`, `largeFrontier`) goes through it, so they agree bit for bit.
   */
  throughput(partitionCost: number, hardeningCost: number): number;
  estimate(cfg: Configuration): Label;
}

export function createEstimator(space: Space, workload: Workload, table: CostTable): Estimator {
  const groupOf: number[] = [];
  space.groups.forEach((g, gi) => g.forEach((c) => (groupOf[c] = gi)));
  const index = new Map(space.components.map((c, i) => [c, i]));
  const hz = workload.clockGhz * 1e9;
  const edgeA: number[] = [];
  const edgeB: number[] = [];
  const edgeCost: number[] = [];
  for (const e of workload.calls) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined || groupOf[a] === groupOf[b]) continue;
    edgeA.push(groupOf[a] as number);
    edgeB.push(groupOf[b] as number);
    edgeCost.push((e.calls * (table.crossingCycles + e.buffers * table.allocCycles)) / hz);
  }
  const base = 1 / workload.baseline;
  const optionFactor = space.options.map((o) =>
    o.hardening.reduce((f, h) => f * table.hardeningFactors[h], 1),
  );
  const weight = space.components.map((c) => base * (workload.share[c] ?? 0));
  const optionsOf = space.components.map((_, c) =>
    space.options.flatMap((o, i) => (o.component === c ? [i] : [])),
  );
  const partitionCost = (blocks: ArrayLike<number>): number => {
    let cost = 0;
    for (let e = 0; e < edgeCost.length; e++)
      if (blocks[edgeA[e] as number] !== blocks[edgeB[e] as number]) cost += edgeCost[e] as number;
    return cost;
  };
  const hardeningCost = (mask: number): number => {
    let cost = 0;
    for (let c = 0; c < weight.length; c++) {
      let f = 1;
      for (const i of optionsOf[c] as number[]) if (mask & (1 << i)) f *= optionFactor[i] as number;
      cost += (weight[c] as number) * (f - 1);
    }
    return cost;
  };
  const throughput = (p: number, h: number): number => 1 / (base + p + h);
  return {
    partitionCost,
    hardeningCost,
    throughput,
    estimate: (cfg) => ({
      value: throughput(partitionCost(cfg.blocks), hardeningCost(cfg.hardening)),
      kind: 'estimate',
    }),
  };
}
