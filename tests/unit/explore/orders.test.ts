import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  countConfigurations,
  countCoveringEdges,
  createSpace,
  enumerateConfigurations,
  formatId,
  hasseDiagram,
  isSafer,
  minimalElements,
  type Configuration,
  type Order,
} from '../../../src/core/explore/index.ts';
import { refines, samePartition } from '../../../src/core/explore/space/partitions.ts';
import { arbitrarySpace, minikvSpace } from './fixtures.ts';

/** The order relation written straight from docs/formats.md's sentences. */
function safer(order: Order, a: Configuration, b: Configuration): boolean {
  const hSub = (a.hardening & b.hardening) === a.hardening;
  const same = samePartition(a.blocks, b.blocks);
  if (order === 'flexos')
    return (
      (same && hSub && a.hardening !== b.hardening) ||
      (a.hardening === 0 && !same && refines(b.blocks, a.blocks))
    );
  return refines(b.blocks, a.blocks) && hSub && !(same && a.hardening === b.hardening);
}

/** Transitive reduction by brute force: a < b with no c in the list strictly between. */
function bruteCovers(configs: Configuration[], order: Order): number {
  let n = 0;
  for (const a of configs)
    for (const b of configs)
      if (safer(order, a, b) && !configs.some((c) => safer(order, a, c) && safer(order, c, b))) n++;
  return n;
}

describe('safety orders', () => {
  it('minikv: 80 configurations; flexos has 166 covering edges and one least element, product 256', () => {
    const space = minikvSpace();
    const configs = enumerateConfigurations(space);
    expect(countConfigurations(space)).toEqual({
      partitions: 5n,
      hardeningSubsets: 16n,
      total: 80n,
    });
    expect(configs).toHaveLength(80);
    expect(hasseDiagram(configs, 'flexos')).toHaveLength(166);
    expect(bruteCovers(configs, 'flexos')).toBe(166);
    expect(countCoveringEdges(space, 'flexos')).toBe(166n);
    expect(hasseDiagram(configs, 'product')).toHaveLength(256);
    expect(bruteCovers(configs, 'product')).toBe(256);
    expect(countCoveringEdges(space, 'product')).toBe(256n);
    for (const order of ['flexos', 'product'] as const) {
      const least = minimalElements(configs, order);
      expect(least.map((i) => formatId(space, configs[i] as Configuration))).toEqual([
        'kv,libc,netstack,sched',
      ]);
    }
  });

  it('counts the 10-component space at once: 43,947 × 1,024 = 45,001,728', () => {
    const names = 'abcdefghij'.split('');
    const space = createSpace({
      components: names,
      maxCompartments: 4,
      hardening: Object.fromEntries(names.map((n) => [n, ['asan']])),
    });
    expect(countConfigurations(space)).toEqual({
      partitions: 43947n,
      hardeningSubsets: 1024n,
      total: 45001728n,
    });
  });

  it('agrees with the definitions, is a strict partial order, and flexos is inside product', () => {
    fc.assert(
      fc.property(arbitrarySpace(4, 3), (space) => {
        const cs = enumerateConfigurations(space);
        for (const a of cs)
          for (const b of cs) {
            for (const order of ['flexos', 'product'] as const)
              expect(isSafer(order, a, b)).toBe(safer(order, a, b));
            if (isSafer('flexos', a, b)) expect(isSafer('product', a, b)).toBe(true);
          }
        for (const order of ['flexos', 'product'] as const)
          for (const a of cs) {
            expect(isSafer(order, a, a)).toBe(false);
            for (const b of cs)
              if (isSafer(order, a, b))
                for (const c of cs)
                  if (isSafer(order, b, c)) expect(isSafer(order, a, c)).toBe(true);
          }
      }),
      { numRuns: 40 },
    );
  });

  it('Hasse diagrams of whole spaces and of random subsets match brute-force transitive reduction', () => {
    fc.assert(
      fc.property(
        arbitrarySpace(4, 3),
        fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }),
        (space, keep) => {
          const all = enumerateConfigurations(space);
          for (const order of ['flexos', 'product'] as const) {
            expect(BigInt(hasseDiagram(all, order).length)).toBe(countCoveringEdges(space, order));
            const subset = all.filter((_, i) => keep[i % keep.length]);
            const edges = hasseDiagram(subset, order);
            expect(edges.length).toBe(bruteCovers(subset, order));
            for (const e of edges)
              expect(
                isSafer(order, subset[e.from] as Configuration, subset[e.to] as Configuration),
              ).toBe(true);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
