import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  computeFrontier,
  enumerateConfigurations,
  parseBudget,
  rankBySafety,
} from '../../../src/core/explore/index.ts';
import { arbitrarySpace, bruteFrontier } from './fixtures.ts';

const arbitraryBudget = fc.record({
  kind: fc.constantFrom('at-least' as const, 'at-most' as const),
  value: fc.integer({ min: 0, max: 100 }),
});

describe('frontier', () => {
  it('reads budgets', () => {
    expect(parseBudget('>=500000')).toEqual({ kind: 'at-least', value: 500000 });
    expect(parseBudget(' <= 1.5e2 ')).toEqual({ kind: 'at-most', value: 150 });
    expect(parseBudget('> 5')).toBeUndefined();
    expect(parseBudget('>=')).toBeUndefined();
    expect(parseBudget('>=abc')).toBeUndefined();
  });

  it('equals the maximal elements under budget by brute force (random labels, random spaces, both orders)', () => {
    fc.assert(
      fc.property(
        arbitrarySpace(),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 64, maxLength: 64 }),
        arbitraryBudget,
        fc.constantFrom('flexos' as const, 'product' as const),
        (space, seed, budget, order) => {
          const cs = enumerateConfigurations(space);
          const values = cs.map((_, i) => (seed[i % seed.length] as number) + (i % 7));
          const r = computeFrontier(cs, values, budget, order);
          expect(r.frontier).toEqual(bruteFrontier(cs, values, budget, order));
          expect(r.unlabelled).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('leaves unlabelled configurations out and says which', () => {
    const space = {
      name: 's',
      components: ['a'],
      groups: [[0]],
      maxCompartments: 1,
      options: [{ component: 0, hardening: ['asan' as const], label: 'asan' }],
      mechanism: 'intel-mpk' as const,
      sharing: 'heap' as const,
      requires: true,
    };
    const cs = enumerateConfigurations(space);
    const r = computeFrontier(cs, [10, undefined], { kind: 'at-least', value: 5 }, 'flexos');
    expect(r).toEqual({ frontier: [0], meeting: 1, unlabelled: [1] });
  });

  it('ranks by safety level, safest first, best label first within a level', () => {
    fc.assert(
      fc.property(arbitrarySpace(4, 3), (space) => {
        const cs = enumerateConfigurations(space);
        const values = cs.map((_, i) => (i * 37) % 11);
        const levels = rankBySafety(
          cs,
          cs.map((_, i) => i),
          values,
        );
        expect(levels.flatMap((l) => l.members).sort((a, b) => a - b)).toEqual(cs.map((_, i) => i));
        for (let k = 1; k < levels.length; k++)
          expect((levels[k] as { level: number }).level).toBeLessThan(
            (levels[k - 1] as { level: number }).level,
          );
        for (const l of levels)
          for (let k = 1; k < l.members.length; k++)
            expect(values[l.members[k] as number]).toBeLessThanOrEqual(
              values[l.members[k - 1] as number] as number,
            );
      }),
      { numRuns: 30 },
    );
  });
});
