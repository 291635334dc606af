import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createCostTable,
  createEstimator,
  createRequiresCheck,
  enumerateConfigurations,
  exploreSpace,
  parseSpace,
  type ExploreOptions,
  type ExploreResult,
  type Space,
  type Workload,
} from '../../../src/core/explore/index.ts';
import type { ComponentSpec, Region } from '../../../src/core/metadata/component-spec.ts';
import type { Hardening } from '../../../src/core/model.ts';
import { spec } from '../solver/fixtures.ts';
import { arbitrarySpace } from './fixtures.ts';

const SAFE = { read: ['Own', 'Shared'] as Region[], write: ['Own', 'Shared'] as Region[] };

/** The reviewer's space: 8 components in up to 8 compartments, `a` may only get asan. */
const BIG = `name: big
components: [a, b, c, d, e, f, g, h]
max-compartments: 8
hardening:
  a: [asan, cfi]
  b: [asan]
  c: [asan]
mechanism: cheri
`;

function bigSpace(): Space {
  const { space } = parseSpace(BIG, 'space.yaml');
  if (!space) throw new Error('BIG does not parse');
  return space;
}

const bigSpecs = (): ComponentSpec[] =>
  'abcdefgh'
    .split('')
    .map((n) => spec(n, { memory: SAFE, hardening: n === 'a' ? ['asan'] : null }));

describe('options a component’s [Hardening] forbids', () => {
  it('are left out up front, so the structural frontier of a large space is the safest allowed configuration', async () => {
    const space = bigSpace();
    const r = await exploreSpace({
      space,
      order: 'product',
      labels: { kind: 'none' },
      isAllowed: createRequiresCheck(space, bigSpecs()),
    });
    expect(r.method).toBe('structural');
    expect(r.frontier.map((m) => m.id)).toEqual([
      'a[asan] | b[asan] | c[asan] | d | e | f | g | h',
    ]);
    expect(r.configurations).toBe(4140 * 8);
    expect(r.hardeningSubsets).toBe(8);
    expect(r.filtered.count).toBe(0);
    expect(
      r.diagnostics.map((d) => [d.code, d.severity, BIG.slice(d.span.start, d.span.end)]),
    ).toEqual([['space/hardening-not-allowed', 'warning', 'cfi']]);
    expect(r.diagnostics[0]?.message).toContain('a ');
    expect(r.diagnostics[0]?.message).toContain('cfi');
  });

  it('are left out of listed spaces too: no configuration with them is counted, filtered or listed', async () => {
    const space = bigSpace();
    const r = await exploreSpace({
      space: { ...space, maxCompartments: 2 },
      order: 'product',
      labels: { kind: 'none' },
      isAllowed: createRequiresCheck(space, bigSpecs()),
    });
    expect(r.method).toBe('enumerated');
    expect(r.configurations).toBe(128 * 8);
    expect(r.filtered.count).toBe(0);
    expect(r.graph?.nodes.some((id) => id.includes('cfi'))).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['space/hardening-not-allowed']);
  });

  it('a bundle is left out when any hardening in it is forbidden; a space without metadata keeps all', async () => {
    const { space } = parseSpace('components: [a, b]\nhardening:\n  a: [asan+cfi, ubsan]\n');
    if (!space) throw new Error('no space');
    const specs = [spec('a', { hardening: ['asan', 'ubsan'] }), spec('b')];
    const r = await exploreSpace({
      space,
      order: 'product',
      labels: { kind: 'none' },
      isAllowed: createRequiresCheck(space, specs),
    });
    expect(r.hardeningSubsets).toBe(2);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['space/hardening-not-allowed']);
    const all = await exploreSpace({ space, order: 'product', labels: { kind: 'none' } });
    expect(all.hardeningSubsets).toBe(4);
  });
});

const FUNCTIONS = ['f0', 'f1'];
const HARDENING_SETS: (Hardening[] | null)[] = [null, [], ['asan'], ['cfi'], ['asan', 'cfi']];

/** Random metadata for the components of `space`; `[Hardening]` often forbids some option. */
function specsArb(space: Space): fc.Arbitrary<ComponentSpec[]> {
  const names = space.components;
  const one = (name: string): fc.Arbitrary<ComponentSpec> => {
    const others = names.filter((n) => n !== name);
    const target =
      others.length === 0
        ? fc.constant('*')
        : fc.oneof(
            fc.constant('*'),
            fc
              .tuple(fc.constantFrom(...others), fc.constantFrom('*', ...FUNCTIONS))
              .map(([o, f]) => `${o}::${f}`),
          );
    const requirement = fc
      .tuple(
        fc.constantFrom('Read', 'Write', 'Call'),
        fc.constantFrom('Own', 'Shared', '*', ...FUNCTIONS),
      )
      .filter(([a, o]) => (a === 'Call') === !['Own', 'Shared'].includes(o))
      .map(([a, o]) => `*(${a},${o})`);
    const regions = fc.subarray<Region>(['Own', 'Shared', '*']);
    return fc
      .record({
        memory: fc.option(fc.record({ read: regions, write: regions }), { nil: null }),
        calls: fc.array(target, { maxLength: 2 }),
        api: fc.subarray(FUNCTIONS),
        requires: fc.option(fc.array(requirement, { maxLength: 4 }), { nil: null, freq: 3 }),
        hardening: fc.constantFrom(...HARDENING_SETS),
      })
      .map((input) => spec(name, input));
  };
  return fc.tuple(...names.map(one));
}

function workloadOf(space: Space, calls: number[]): Workload {
  const n = space.components.length;
  const edges: Workload['calls'] = [];
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) {
      const k = calls[(a * n + b) % calls.length] as number;
      if (a !== b && k > 0)
        edges.push({
          from: space.components[a] as string,
          to: space.components[b] as string,
          calls: k,
          buffers: 1,
        });
    }
  return {
    baseline: 500000,
    clockGhz: 3,
    calls: edges,
    share: Object.fromEntries(space.components.map((c) => [c, 0.1])),
    hardeningFactors: {},
    shareSpans: {},
  };
}

const scenario = arbitrarySpace(5, 4).chain((space) =>
  fc.record({
    space: fc.constant(space),
    specs: specsArb(space),
    calls: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 8, maxLength: 8 }),
    pick: fc.nat(),
    estimate: fc.boolean(),
    order: fc.constantFrom('flexos' as const, 'product' as const),
    mechanism: fc.constantFrom('intel-mpk' as const, 'cheri' as const, 'fcalls' as const),
  }),
);

const summary = (r: ExploreResult) => ({
  frontier: r.frontier.map((m) => m.id).sort(),
  size: r.frontierSize,
  configurations: r.configurations,
  diagnostics: r.diagnostics.map((d) => [d.code, d.span.start, d.span.end]),
});

describe('structural and listed exploration', () => {
  it('agree on random spaces whose components forbid some of their options', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario,
        async ({ space: s, specs, calls, pick, estimate, order, mechanism }) => {
          const space = { ...s, mechanism };
          const est = createEstimator(
            space,
            workloadOf(space, calls),
            createCostTable(mechanism, 'heap'),
          );
          const values = enumerateConfigurations(space).map((c) => est.estimate(c).value);
          const opts: ExploreOptions = {
            space,
            order,
            labels: estimate ? { kind: 'estimate', estimator: est } : { kind: 'none' },
            isAllowed: createRequiresCheck(space, specs),
            ...(estimate
              ? { budget: { kind: 'at-least', value: values[pick % values.length] as number } }
              : {}),
          };
          const structural = await exploreSpace({ ...opts, structuralFrom: 0 });
          const listed = await exploreSpace({ ...opts, structuralFrom: Infinity });
          expect(structural.method).toBe('structural');
          expect(listed.method).toBe('enumerated');
          expect(summary(structural)).toEqual(summary(listed));
        },
      ),
      { numRuns: 300 },
    );
  });
});
