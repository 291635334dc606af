import { describe, expect, it } from 'vitest';
import {
  createCostTable,
  createEstimator,
  createSpace,
  exploreSpace,
  type ExploreOptions,
  type LabelSource,
  type Space,
  type Workload,
} from '../../../src/core/explore/index.ts';

/** `n` free components `c00..`, at most `max` compartments, an option on the first `options`. */
function wideSpace(n: number, max: number, options = 0): Space {
  const components = Array.from({ length: n }, (_, i) => `c${String(i).padStart(2, '0')}`);
  const hardening = Object.fromEntries(components.slice(0, options).map((c) => [c, ['asan']]));
  return createSpace({ components, maxCompartments: max, hardening, requires: false });
}

/** A ring of calls, so every cut costs something. */
function estimate(space: Space): LabelSource {
  const n = space.components.length;
  const workload: Workload = {
    baseline: 1e6,
    clockGhz: 3,
    calls: space.components.map((from, i) => ({
      from,
      to: space.components[(i + 1) % n] as string,
      calls: 1 + (i % 3),
      buffers: 1,
    })),
    share: Object.fromEntries(space.components.map((c) => [c, 0.9 / n])),
    hardeningFactors: {},
    shareSpans: {},
  };
  const table = createCostTable(space.mechanism, space.sharing);
  return { kind: 'estimate', estimator: createEstimator(space, workload, table) };
}

const codes = (r: { diagnostics: { code: string }[] }): string[] =>
  r.diagnostics.map((d) => d.code);

describe('spaces too large to explore', () => {
  it('20 components in up to 50 compartments (5 × 10^13 partitions) are refused at once, whatever the labels', async () => {
    const space = wideSpace(20, 50);
    const budget = { kind: 'at-least' as const, value: 5e5 };
    const runs: [string, ExploreOptions][] = [
      ['none', { space, order: 'flexos', labels: { kind: 'none' } }],
      ['estimate', { space, order: 'product', labels: estimate(space), budget }],
      ['lazy estimate', { space, order: 'flexos', labels: estimate(space), budget, lazy: true }],
    ];
    for (const [what, opts] of runs) {
      const r = await exploreSpace(opts);
      expect(codes(r), what).toEqual(['explore/space-too-large']);
      expect(r.configurations).toBe(51724158235372);
      expect(r.partitions).toBe(51724158235372);
      expect(r.diagnostics[0]?.message).toContain('51724158235372');
      expect(r.diagnostics[0]?.message).toContain('1000000 partitions');
      expect(r.frontier).toEqual([]);
    }
    const table = await exploreSpace({
      space,
      order: 'flexos',
      labels: { kind: 'table', values: new Map(), labelKind: 'imported' },
      lazy: true,
      budget,
    });
    expect(codes(table)).toEqual(['explore/too-large-to-label']);
  });

  it('13 components in up to 50 compartments (27,644,437 partitions) are refused; the limit is an option', async () => {
    const space = wideSpace(13, 50, 2);
    const r = await exploreSpace({ space, order: 'flexos', labels: estimate(space) });
    expect(codes(r)).toEqual(['explore/space-too-large']);
    expect(r.partitions).toBe(27644437);
    expect(r.configurations).toBe(27644437 * 4);
    // A lower limit refuses what the default would walk (11,051 partitions × 32 subsets: too
    // many configurations to list).
    const small = wideSpace(9, 4, 5);
    const refused = await exploreSpace({
      space: small,
      order: 'flexos',
      labels: { kind: 'none' },
      partitionLimit: 1000,
    });
    expect(codes(refused)).toEqual(['explore/space-too-large']);
    const walked = await exploreSpace({ space: small, order: 'flexos', labels: { kind: 'none' } });
    expect(walked.method).toBe('structural');
    expect(codes(walked)).toEqual([]);
  });

  it('13 components in up to 3 compartments (265,721 partitions) are answered by structure', async () => {
    const space = wideSpace(13, 3, 1);
    const progress: string[] = [];
    const r = await exploreSpace({
      space,
      order: 'flexos',
      labels: estimate(space),
      budget: { kind: 'at-least', value: 5e5 },
      onProgress: (m) => progress.push(m),
    });
    expect(codes(r)).toEqual([]);
    expect(r.method).toBe('structural');
    expect(r.partitions).toBe(265721);
    expect(r.exact).toBe(true);
    expect(r.frontierSize).toBeGreaterThan(0);
    expect(r.hasse?.edges).toBeGreaterThan(0);
    expect(progress[0]).toBe('531442 configurations (265721 partitions × 2 hardening subsets)');
    expect(progress).toContain('counting the frontier: 265721/265721 partitions');
  });
});

describe('cancelling an exploration', () => {
  /** A `shouldStop` that answers true from its `n`-th question on. */
  const after = (n: number) => {
    let asked = 0;
    return () => ++asked >= n;
  };

  it('stops the structural walk, the listing and lazy labelling with explore/cancelled', async () => {
    const large = wideSpace(11, 11, 1);
    const structural = await exploreSpace({
      space: large,
      order: 'flexos',
      labels: estimate(large),
      shouldStop: after(5),
    });
    expect(codes(structural)).toEqual(['explore/cancelled']);
    expect(structural.complete).toBe(false);

    const listed = wideSpace(8, 8, 1);
    const enumerated = await exploreSpace({
      space: listed,
      order: 'product',
      labels: { kind: 'table', values: new Map(), labelKind: 'imported' },
      budget: { kind: 'at-least', value: 1 },
      shouldStop: after(3),
    });
    expect(codes(enumerated)).toEqual(['explore/cancelled']);

    let measured = 0;
    const small = wideSpace(4, 4, 2);
    const lazy = await exploreSpace({
      space: small,
      order: 'flexos',
      labels: { kind: 'measure', measure: () => (measured++, 10) },
      budget: { kind: 'at-least', value: 1 },
      lazy: true,
      shouldStop: () => measured >= 3,
    });
    expect(codes(lazy)).toEqual(['explore/cancelled']);
    expect(measured).toBe(3);
  });

  it('never asks when nothing needs stopping, and an unasked exploration ends as usual', async () => {
    const space = wideSpace(5, 3, 1);
    const r = await exploreSpace({
      space,
      order: 'flexos',
      labels: { kind: 'none' },
      shouldStop: () => false,
    });
    expect(codes(r)).toEqual([]);
    expect(r.frontier.length).toBeGreaterThan(0);
  });
});
