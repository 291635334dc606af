import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createCostTable,
  createEstimator,
  createSpace,
  enumerateConfigurations,
  formatId,
  largeFrontier,
  computeFrontier,
  type Configuration,
  type Space,
  type Workload,
} from '../../../src/core/explore/index.ts';
import { arbitrarySpace, bruteFrontier } from './fixtures.ts';

const arbitraryWorkload = (space: Space): fc.Arbitrary<Workload> =>
  fc
    .record({
      calls: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 36, maxLength: 36 }),
      share: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 6, maxLength: 6 }),
      asan: fc.constantFrom(1, 1.5, 1.8, 2),
    })
    .map(({ calls, share, asan }) => {
      const n = space.components.length;
      const edges: Workload['calls'] = [];
      for (let a = 0; a < n; a++)
        for (let b = 0; b < n; b++)
          if (a !== b && (calls[a * 6 + b] as number) > 0)
            edges.push({
              from: space.components[a] as string,
              to: space.components[b] as string,
              calls: calls[a * 6 + b] as number,
              buffers: 1,
            });
      const total = share.slice(0, n).reduce((s, x) => s + x, 0) || 1;
      return {
        baseline: 500000,
        clockGhz: 3,
        calls: edges,
        share: Object.fromEntries(
          space.components.map((c, i) => [c, (share[i] as number) / total / 1.1]),
        ),
        hardeningFactors: { asan },
        shareSpans: {},
      };
    });

const scenario = arbitrarySpace(5, 4).chain((space) =>
  fc.record({
    space: fc.constant(space),
    workload: arbitraryWorkload(space),
    pick: fc.nat(),
    order: fc.constantFrom('flexos' as const, 'product' as const),
    mechanism: fc.constantFrom('intel-mpk' as const, 'vm-ept' as const, 'fcalls' as const),
  }),
);

describe('large frontier (by structure)', () => {
  it('equals brute force over the estimates of small random spaces, both orders, with and without [Requires]', () => {
    fc.assert(
      fc.property(scenario, ({ space, workload, pick, order, mechanism }) => {
        const est = createEstimator(space, workload, createCostTable(mechanism, 'heap'));
        const cs = enumerateConfigurations(space);
        const values = cs.map((c) => est.estimate(c).value);
        // A budget equal to some configuration's estimate puts one exactly on the boundary.
        const budget = { kind: 'at-least' as const, value: values[pick % values.length] as number };
        const input = {
          space,
          order,
          partitionCost: est.partitionCost,
          hardeningCost: est.hardeningCost,
          meets: (p: number, h: number) => est.throughput(p, h) >= budget.value,
          score: est.throughput,
        };
        const ids = (list: Configuration[]): string[] => list.map((c) => formatId(space, c)).sort();
        const expected = bruteFrontier(cs, values, budget, order).map(
          (i) => cs[i] as Configuration,
        );
        const r = largeFrontier(input);
        expect(r.complete).toBe(true);
        expect(r.frontierSize).toBe(expected.length);
        expect(ids(r.members.map((m) => m.config))).toEqual(ids(expected));
        expect(r.meeting).toBe(values.filter((v) => v >= budget.value).length);
        // The best few when the frontier is "too large": the highest estimates of the frontier.
        const top = largeFrontier({ ...input, listLimit: 0, best: 2 });
        expect(top.frontierSize).toBe(expected.length);
        const best = expected
          .map((c) => est.estimate(c).value)
          .sort((a, b) => b - a)
          .slice(0, 2);
        expect(top.members.map((m) => m.score)).toEqual(best);
        // A validity closed under "safer" (an up-set): filtering the frontier is exact.
        const valid = (c: Configuration): boolean =>
          c.blocks[0] !== c.blocks[c.blocks.length - 1] || (c.hardening & 1) === 1;
        const allowed = largeFrontier({ ...input, isAllowed: valid });
        const validIdx = cs.map((_, i) => i).filter((i) => valid(cs[i] as Configuration));
        const sub = validIdx.map((i) => cs[i] as Configuration);
        const expectedValid = bruteFrontier(
          sub,
          validIdx.map((i) => values[i] as number),
          budget,
          order,
        ).map((i) => sub[i] as Configuration);
        expect(ids(allowed.members.map((m) => m.config))).toEqual(ids(expectedValid));
      }),
      { numRuns: 150 },
    );
  });

  it('without a budget returns the safest configurations', () => {
    const space = createSpace({ components: ['a', 'b', 'c'], hardening: { a: ['asan'] } });
    const r = largeFrontier({
      space,
      order: 'product',
      partitionCost: () => 0,
      hardeningCost: () => 0,
      meets: () => true,
      score: () => 0,
    });
    expect(r.members.map((m) => formatId(space, m.config))).toEqual(['a[asan] | b | c']);
    const f = largeFrontier({
      space,
      order: 'flexos',
      partitionCost: () => 0,
      hardeningCost: () => 0,
      meets: () => true,
      score: () => 0,
    });
    expect(f.frontierSize).toBe(5); // every partition, fully hardened
  });

  it('reports progress through both passes', () => {
    const names = 'abcdefgh'.split('');
    const space = createSpace({ components: names, maxCompartments: 4 });
    const seen: string[] = [];
    largeFrontier({
      space,
      order: 'flexos',
      partitionCost: () => 0,
      hardeningCost: () => 0,
      meets: () => true,
      score: () => 0,
      onProgress: (p) => seen.push(`${p.phase}:${p.done}/${p.total}`),
    });
    expect(seen).toContain('count:2795/2795');
    expect(seen.at(-1)).toBe('list:2795/2795');
  });
});

describe('large frontier on a mid-size space', () => {
  it('matches the listed frontier of all 7,808 configurations (6 libraries, 3 compartments, 6 options)', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const space = createSpace({
      components: names,
      maxCompartments: 3,
      hardening: Object.fromEntries(names.map((n, i) => [n, [i % 2 ? 'asan' : 'asan+cfi']])),
    });
    const workload: Workload = {
      baseline: 1e6,
      clockGhz: 3,
      calls: names.map((n, i) => ({
        from: n,
        to: names[(i + 1) % 6] as string,
        calls: 1 + (i % 3),
        buffers: 1,
      })),
      share: Object.fromEntries(names.map((n, i) => [n, 0.05 + 0.03 * i])),
      hardeningFactors: {},
      shareSpans: {},
    };
    const est = createEstimator(space, workload, createCostTable('intel-mpk', 'heap'));
    const cs = enumerateConfigurations(space);
    const values = cs.map((c) => est.estimate(c).value);
    for (const order of ['flexos', 'product'] as const)
      for (const value of [500000, 700000]) {
        const listed = computeFrontier(cs, values, { kind: 'at-least', value }, order).frontier.map(
          (i) => formatId(space, cs[i] as Configuration),
        );
        const r = largeFrontier({
          space,
          order,
          partitionCost: est.partitionCost,
          hardeningCost: est.hardeningCost,
          meets: (p, h) => est.throughput(p, h) >= value,
          score: est.throughput,
        });
        expect(r.members.map((m) => formatId(space, m.config)).sort()).toEqual(listed.sort());
      }
  });
});
