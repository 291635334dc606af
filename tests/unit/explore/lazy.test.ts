import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  computeFrontier,
  createCostTable,
  createEstimator,
  enumerateConfigurations,
  formatId,
  isSafer,
  lazyFrontier,
  type Configuration,
  type Order,
  type Workload,
} from '../../../src/core/explore/index.ts';
import { arbitrarySpace, minikvSpace } from './fixtures.ts';

/** Labels that never increase along a safer edge of `order`: each is the minimum below it. */
function monotoneLabels(cs: Configuration[], seed: number[], order: Order): number[] {
  const raw = cs.map((_, i) => seed[i % seed.length] as number);
  return cs.map((c, i) =>
    Math.min(
      raw[i] as number,
      ...cs.flatMap((d, j) => (isSafer(order, d, c) ? [raw[j] as number] : [])),
    ),
  );
}

const MINIKV_WORKLOAD: Workload = {
  baseline: 400000,
  clockGhz: 3,
  calls: [
    { from: 'kv', to: 'netstack', calls: 3, buffers: 1 },
    { from: 'kv', to: 'sched', calls: 1, buffers: 1 },
    { from: 'sched', to: 'netstack', calls: 1, buffers: 1 },
    { from: 'netstack', to: 'libc', calls: 2, buffers: 1 },
  ],
  share: { kv: 0.25, libc: 0.15, sched: 0.1, netstack: 0.45 },
  hardeningFactors: {},
  shareSpans: {},
};

describe('lazy labelling', () => {
  it('finds the same frontier as full labelling (random monotone labels, random spaces, both orders)', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitrarySpace(),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: 0, max: 50 }),
        fc.constantFrom('flexos' as const, 'product' as const),
        fc.boolean(),
        async (space, seed, value, order, asynchronous) => {
          const cs = enumerateConfigurations(space);
          const ids = cs.map((c) => formatId(space, c));
          const labels = monotoneLabels(cs, seed, order);
          const byId = new Map(ids.map((id, i) => [id, labels[i] as number]));
          const budget = { kind: 'at-least' as const, value };
          const asked = new Set<string>();
          const r = await lazyFrontier({
            configs: cs,
            ids,
            order,
            budget,
            measure: (id) => {
              expect(asked.has(id)).toBe(false);
              asked.add(id);
              const v = byId.get(id) as number;
              return asynchronous ? Promise.resolve(v) : v;
            },
          });
          expect(r.frontier).toEqual(computeFrontier(cs, labels, budget, order).frontier);
          expect(r.measured).toBe(asked.size);
          expect(r.measured).toBeLessThanOrEqual(cs.length);
          expect(r.status).toBe('complete');
          expect(r.meeting).toBe(labels.filter((v) => v >= value).length);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('on minikv with labels decreasing along safer edges measures fewer than half of the 80', async () => {
    const space = minikvSpace();
    const cs = enumerateConfigurations(space);
    const ids = cs.map((c) => formatId(space, c));
    const est = createEstimator(space, MINIKV_WORKLOAD, createCostTable('intel-mpk', 'heap'));
    const labels = cs.map((c) => est.estimate(c).value);
    for (const order of ['flexos', 'product'] as const)
      for (const value of [200000, 250000, 300000, 330000, 380000]) {
        const budget = { kind: 'at-least' as const, value };
        const r = await lazyFrontier({
          configs: cs,
          ids,
          order,
          budget,
          measure: (id) => labels[ids.indexOf(id)] as number,
        });
        expect(r.frontier).toEqual(computeFrontier(cs, labels, budget, order).frontier);
        expect(r.measured).toBeLessThan(40);
      }
  });

  it('works for latency budgets (<=), where safer is never lower', async () => {
    const space = minikvSpace();
    const cs = enumerateConfigurations(space);
    const ids = cs.map((c) => formatId(space, c));
    const latency = monotoneLabels(cs, [5, 9, 2, 7, 3, 8], 'product').map((v) => 100 - v);
    const budget = { kind: 'at-most' as const, value: 95 };
    const r = await lazyFrontier({
      configs: cs,
      ids,
      order: 'product',
      budget,
      measure: (id) => latency[ids.indexOf(id)] as number,
    });
    expect(r.frontier).toEqual(computeFrontier(cs, latency, budget, 'product').frontier);
  });

  it('needs no measurement without a budget, and reports what it could not measure', async () => {
    const space = minikvSpace();
    const cs = enumerateConfigurations(space);
    const ids = cs.map((c) => formatId(space, c));
    const none = await lazyFrontier({
      configs: cs,
      ids,
      order: 'flexos',
      budget: undefined,
      measure: () => 1,
    });
    expect(none.measured).toBe(0);
    expect(none.frontier).toHaveLength(5);
    const r = await lazyFrontier({
      configs: cs,
      ids,
      order: 'flexos',
      budget: { kind: 'at-least', value: 1 },
      measure: () => Number.NaN,
    });
    expect(r.status).toBe('incomplete');
    expect(r.missing.length).toBeGreaterThan(0);
  });
});
