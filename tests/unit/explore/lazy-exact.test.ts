import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  computeFrontier,
  enumerateConfigurations,
  exploreSpace,
  formatId,
  isSafer,
  lazyFrontier,
  safetyRank,
  type Budget,
  type Configuration,
} from '../../../src/core/explore/index.ts';
import { arbitrarySpace, minikvSpace } from './fixtures.ts';

/**
 * Lazy labelling is exact when no unlabelled configuration could be on the frontier: one could
 * when no measured configuration strictly safer meets the budget (docs/semantics.md).
 */
describe('lazy labelling says whether it is exact', () => {
  it('is sound, tight and verifiable on arbitrary labels (random spaces, both orders)', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitrarySpace(),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: 0, max: 50 }),
        fc.constantFrom('flexos' as const, 'product' as const),
        async (space, seed, value, order) => {
          const cs = enumerateConfigurations(space);
          const ids = cs.map((c) => formatId(space, c));
          // Anything at all: performance may increase along a safer edge.
          const labels = cs.map((_, i) => seed[(i * 7) % seed.length] as number);
          const byId = new Map(ids.map((id, i) => [id, labels[i] as number]));
          const budget: Budget = { kind: 'at-least', value };
          const truth = computeFrontier(cs, labels, budget, order).frontier;
          const measure = (id: string): number => byId.get(id) as number;
          const r = await lazyFrontier({ configs: cs, ids, order, budget, measure });
          // Sound: exact means the frontier is the one full labelling gives.
          if (r.unverified.length === 0) expect(r.frontier).toEqual(truth);
          // The definition, checked directly on each unlabelled configuration.
          const open = cs
            .map((_, i) => i)
            .filter(
              (i) =>
                r.labels[i] === undefined &&
                !cs.some(
                  (d, j) =>
                    r.labels[j] !== undefined &&
                    (r.labels[j] as number) >= value &&
                    isSafer(order, cs[i] as Configuration, d),
                ),
            );
          expect(r.unverified).toEqual(open);
          // Tight: each one is on the frontier when it meets the budget and the other
          // unlabelled ones do not.
          for (const u of r.unverified.slice(0, 3)) {
            const worst = cs.map((_, i) =>
              r.labels[i] !== undefined ? (r.labels[i] as number) : i === u ? value : value - 1,
            );
            expect(computeFrontier(cs, worst, budget, order).frontier).toContain(u);
          }
          // Verifiable: measuring them gives the true frontier, proven.
          const v = await lazyFrontier({ configs: cs, ids, order, budget, measure, verify: true });
          expect(v.frontier).toEqual(truth);
          expect(v.unverified).toEqual([]);
          expect(v.measured).toBe(r.measured + v.verified);
          expect(v.measured).toBeLessThanOrEqual(cs.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** minikv without [Requires]: 80 configurations; a label falling by 10 per safety level. */
function monotoneCsv(): { csv: string; ids: string[]; configs: Configuration[] } {
  const space = minikvSpace({ requires: false });
  const configs = enumerateConfigurations(space);
  const ids = configs.map((c) => formatId(space, c));
  const rows = configs.map((c, i) => `"${ids[i]}",${100 - 10 * safetyRank(c)}`);
  return { csv: ['config,value', ...rows].join('\n'), ids, configs };
}

describe('exploreSpace with imported labels that break monotonicity', () => {
  const space = minikvSpace({ requires: false });
  const { ids, configs } = monotoneCsv();
  const table = (values: number[]) =>
    ({
      kind: 'table',
      values: new Map(ids.map((id, i) => [id, values[i] as number])),
      labelKind: 'imported',
    }) as const;
  const monotone = configs.map((c) => 100 - 10 * safetyRank(c));
  const budget: Budget = { kind: 'at-least', value: 75 };
  // The safest configuration: three compartments, every option; a measurement of it that meets
  // the budget breaks monotonicity (everything below level 3 misses it).
  const top = ids.indexOf('kv[asan],libc[asan] | netstack[asan,cfi] | sched[asan]');

  it('lazy misses a frontier member, says it is not exact and how many could be; verify finds it', async () => {
    const broken = monotone.map((v, i) => (i === top ? 80 : v));
    const full = await exploreSpace({ space, order: 'flexos', budget, labels: table(broken) });
    expect(full.frontier.map((m) => m.id)).toContain(ids[top]);
    expect(full.exact).toBe(true);
    const lazy = await exploreSpace({
      space,
      order: 'flexos',
      budget,
      labels: table(broken),
      lazy: true,
    });
    expect(lazy.frontier.map((m) => m.id)).not.toContain(ids[top]);
    expect(lazy.exact).toBe(false);
    expect(lazy.unverified).toBeGreaterThan(0);
    expect(lazy.unverified).toBeLessThanOrEqual(80 - lazy.measured);
    const verified = await exploreSpace({
      space,
      order: 'flexos',
      budget,
      labels: table(broken),
      lazy: true,
      verify: true,
    });
    expect(verified.exact).toBe(true);
    expect(verified.unverified).toBe(0);
    expect(verified.frontier.map((m) => m.id)).toEqual(full.frontier.map((m) => m.id));
    expect(verified.verified).toBe(verified.measured - lazy.measured);
  });

  it('with monotone labels: exact when the measurements prove it, and verify changes nothing', async () => {
    // Every configuration meets >=30: lazy measures the safest ones, which settle the rest.
    const easy = await exploreSpace({
      space,
      order: 'flexos',
      budget: { kind: 'at-least', value: 30 },
      labels: table(monotone),
      lazy: true,
    });
    expect(easy.exact).toBe(true);
    expect(easy.unverified).toBe(0);
    // At >=75 the configurations above level 2 are only inferred to miss: not proven, but the
    // frontier is already right, and verifying confirms it.
    const lazy = await exploreSpace({
      space,
      order: 'flexos',
      budget,
      labels: table(monotone),
      lazy: true,
    });
    const verified = await exploreSpace({
      space,
      order: 'flexos',
      budget,
      labels: table(monotone),
      lazy: true,
      verify: true,
    });
    expect(verified.exact).toBe(true);
    expect(verified.frontier).toEqual(lazy.frontier);
    expect(verified.verified).toBe(lazy.unverified);
  });
});
