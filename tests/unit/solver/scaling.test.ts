import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyConfigChange,
  compartmentOf,
  createConfigLookup,
  hardeningOf,
  type ConfigChange,
  type ImageConfig,
} from '../../../src/core/config/index.ts';
import type { ComponentSpec, Region } from '../../../src/core/metadata/component-spec.ts';
import { HARDENINGS, MECHANISMS, type Hardening } from '../../../src/core/model.ts';
import { libraryAfter } from '../../../src/core/solver/fixes.ts';
import {
  checkPlacement,
  conflictGraph,
  isPlacementValid,
  minimumCompartments,
  separationCanRemove,
} from '../../../src/core/solver/index.ts';
import { createPlacement, specMap } from '../../../src/core/solver/placement.ts';
import { violationMessage } from '../../../src/core/solver/violation-report.ts';
import { systemArb, type System } from './arbitraries.ts';
import { spec } from './fixtures.ts';
import { referenceFixes, referencePairs } from './reference.ts';

const RUNS = { numRuns: 150 };

/**
 * 6–14 components drawn from a few behaviours, so that many share a behaviour class (what the
 * fast check evaluates once per requirer): `[Requires]` mostly for everyone (`*`), sometimes
 * naming a component; calls to everything, to nothing, or to one component's function.
 */
const crowdArb: fc.Arbitrary<System> = fc
  .integer({ min: 6, max: 14 })
  .chain((n) => {
    const names = Array.from({ length: n }, (_, i) => `c${i}`);
    const region = fc.constantFrom<Region[]>(['Own', 'Shared'], ['*'], ['Shared'], []);
    const grant = fc
      .tuple(
        fc.oneof({ weight: 4, arbitrary: fc.constant('*') }, fc.constantFrom(...names)),
        fc.oneof(
          fc.tuple(fc.constantFrom('Read', 'Write'), fc.constantFrom('Own', 'Shared', '*')),
          fc.tuple(fc.constant('Call'), fc.constantFrom('*', 'f0', 'f1')),
        ),
      )
      .map(([who, [action, object]]) => `${who}(${action},${object})`);
    const component = (name: string) =>
      fc
        .record({
          memory: fc.option(fc.record({ read: region, write: region }), { nil: null, freq: 4 }),
          calls: fc.oneof(
            fc.constant<string[] | null>(null),
            fc.constant<string[]>(['*']),
            fc.constant<string[]>([]),
            fc.constantFrom(...names).map((o) => [`${o}::f0`]),
            fc.constantFrom(...names).map((o) => [`${o}::*`]),
          ),
          api: fc.constantFrom<string[]>([], ['f0'], ['f0', 'f1']),
          requires: fc.option(fc.array(grant, { maxLength: 4 }), { nil: null, freq: 2 }),
          hardening: fc.option(fc.subarray([...HARDENINGS]), { nil: null, freq: 2 }),
        })
        .map((input) => spec(name, input));
    return fc.record({
      specs: fc.tuple(...names.map(component)),
      mechanism: fc.constantFrom(...MECHANISMS),
      compartments: fc.integer({ min: 1, max: 4 }),
      place: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      listed: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      libHardening: fc.array(fc.subarray<Hardening>(['asan', 'cfi']), {
        minLength: n,
        maxLength: n,
      }),
      compHardening: fc.array(fc.subarray<Hardening>(['asan', 'cfi']), {
        minLength: 4,
        maxLength: 4,
      }),
    });
  })
  .map((r) => {
    const config: ImageConfig = {
      name: 'crowd',
      sharing: 'heap',
      compartments: Array.from({ length: r.compartments }, (_, i) => ({
        name: `k${i}`,
        mechanism: r.mechanism,
        default: i === 0,
        hardening: r.compHardening[i] ?? [],
      })),
      libraries: r.specs.flatMap((s, i) =>
        r.listed[i]
          ? [
              {
                name: s.name,
                compartment: `k${(r.place[i] ?? 0) % r.compartments}`,
                hardening: r.libHardening[i] ?? [],
              },
            ]
          : [],
      ),
      aliases: {},
    };
    return { specs: [...r.specs], config, sites: [] };
  });

const systems = fc.oneof(systemArb, crowdArb);

describe('the placement check by behaviour class agrees with checking every pair', () => {
  it('finds the same violations, messages, fixes and diagnostics, in the same order', () => {
    fc.assert(
      fc.property(systems, ({ specs, config }) => {
        const { violations, diagnostics } = checkPlacement(config, specs);
        const pairs = referencePairs(config, specs);
        const findings = pairs.flatMap((p) => p.findings);
        expect(violations.map(({ message: _m, fixes: _f, ...f }) => f)).toEqual(findings);
        for (const [i, v] of violations.entries())
          expect(v.fixes, `fixes of ${v.actor} -> ${v.target} ${v.rule}`).toEqual(
            referenceFixes(config, specs, findings[i]!),
          );
        const notInApi = diagnostics.filter((d) => d.code === 'solver/call-not-in-api');
        expect(notInApi.length).toBe(pairs.filter((p) => p.notInApi.length > 0).length);
      }),
      // Each reference fix checks the whole image again: fewer runs keep this under a second
      // per hundred.
      { numRuns: 60 },
    );
  });

  it('isPlacementValid(...) is checkPlacement(...).violations.length === 0', () => {
    fc.assert(
      fc.property(systems, ({ specs, config }) => {
        expect(isPlacementValid(config, specs)).toBe(
          checkPlacement(config, specs).violations.length === 0,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('{ fixes: false } gives the same check without fixes', () => {
    fc.assert(
      fc.property(systems, ({ specs, config }) => {
        const full = checkPlacement(config, specs);
        const bare = checkPlacement(config, specs, { fixes: false });
        expect(bare.diagnostics).toEqual(full.diagnostics);
        expect(bare.violations).toEqual(full.violations.map((v) => ({ ...v, fixes: [] })));
      }),
      RUNS,
    );
  });

  it('builds the conflict graph of checking every co-located pair', () => {
    fc.assert(
      fc.property(systems, ({ specs, config }) => {
        const hardening: Record<string, Hardening[]> = {};
        for (const s of specs) hardening[s.name] = hardeningOf(config, s.name);
        const together: ImageConfig = {
          ...config,
          compartments: [{ name: 'all', mechanism: 'fcalls', default: true, hardening: [] }],
          libraries: specs.map((s) => ({
            name: s.name,
            compartment: 'all',
            hardening: hardening[s.name] ?? [],
          })),
        };
        const byName = new Map(specs.map((s) => [s.name, s]));
        const expected = new Map<string, string[]>();
        const names = specs.map((s) => s.name);
        for (const p of referencePairs(together, specs)) {
          const [a, b] = [p.actor, p.target].sort((x, y) => names.indexOf(x) - names.indexOf(y));
          const target = byName.get(p.target)!;
          const reasons = p.findings
            .filter((f) => separationCanRemove(f.rule))
            .map((f) => violationMessage(f, target.requires, target.api.length > 0));
          if (reasons.length === 0) continue;
          const key = `${a}-${b}`;
          expected.set(key, [...(expected.get(key) ?? []), ...reasons]);
        }
        const edges = conflictGraph(specs, { hardening }).edges;
        expect(new Map(edges.map((e) => [`${e.a}-${e.b}`, e.reasons]))).toEqual(expected);
        const order = edges.map((e) => [names.indexOf(e.a), names.indexOf(e.b)]);
        expect(order).toEqual([...order].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!));
      }),
      RUNS,
    );
  });

  it('looks libraries up as compartmentOf and hardeningOf, and each change as applyConfigChange', () => {
    fc.assert(
      fc.property(systems, fc.nat(), ({ specs, config }, pick) => {
        const lookup = createConfigLookup(config);
        const libs = [...config.libraries.map((l) => l.name), ...specs.map((s) => s.name)];
        for (const lib of libs) {
          expect(lookup.compartmentOf(lib)).toBe(compartmentOf(config, lib));
          expect(lookup.hardeningOf(lib)).toEqual(hardeningOf(config, lib));
        }
        const lib = libs[pick % libs.length]!;
        const changes: ConfigChange[] = [
          ...HARDENINGS.map((h) => ({ kind: 'harden' as const, lib, hardening: h })),
          ...config.compartments.map((c) => ({ kind: 'move' as const, lib, compartment: c.name })),
          { kind: 'new-compartment', lib, compartment: 'fresh' },
          { kind: 'new-compartment', lib, compartment: config.compartments[0]!.name },
        ];
        const p = createPlacement(config, specMap(specs));
        for (const change of changes) {
          const next = applyConfigChange(config, change);
          const after = libraryAfter(p, change);
          expect(after.compartment, JSON.stringify(change)).toBe(compartmentOf(next, lib)?.name);
          expect(new Set(after.hardening)).toEqual(new Set(hardeningOf(next, lib)));
        }
      }),
      RUNS,
    );
  });
});

/** `n` components; every 100th requires shared memory only, every 50th of 100 is plain C. */
function crowd(n: number): { specs: ComponentSpec[]; config: ImageConfig } {
  const specs: ComponentSpec[] = [];
  const libraries: ImageConfig['libraries'] = [];
  for (let i = 0; i < n; i++) {
    const name = `lib${i}`;
    if (i % 100 === 0)
      specs.push(
        spec(name, {
          memory: { read: ['Own', 'Shared'], write: ['Own', 'Shared'] },
          api: ['api'],
          requires: ['*(Read,Shared)', '*(Write,Shared)', '*(Call,api)'],
        }),
      );
    else if (i % 100 === 50) specs.push(spec(name, { memory: null, calls: ['*'] }));
    else
      specs.push(
        spec(name, {
          memory: { read: ['Own', 'Shared'], write: ['Own', 'Shared'] },
          calls: [`lib${i - (i % 100)}::api`],
        }),
      );
    libraries.push({ name, compartment: `k${Math.floor(i / 100) % 4}`, hardening: [] });
  }
  const compartments = [0, 1, 2, 3].map((i) => ({
    name: `k${i}`,
    mechanism: 'intel-mpk' as const,
    default: i === 0,
    hardening: [],
  }));
  return {
    specs,
    config: { name: 'crowd', sharing: 'heap', compartments, libraries, aliases: {} },
  };
}

describe('10,000 libraries', () => {
  // The time is printed by tests/bench/scaling.bench.ts; here only what is found.
  const { specs, config } = crowd(10_000);

  it('checks the placement: each plain-C library breaks the requirers it shares a compartment with', () => {
    // 100 plain-C libraries, each with the 25 requirers of its compartment: write-own,
    // read-own, and calls to any function.
    const { violations } = checkPlacement(config, specs, { fixes: false });
    expect(violations.length).toBe(100 * 25 * 3);
    expect(new Set(violations.map((v) => v.rule))).toEqual(
      new Set(['write-own', 'read-own', 'call']),
    );
    expect(isPlacementValid(config, specs)).toBe(false);
  });

  it('is valid once the plain-C libraries are on their own', () => {
    const apart: ImageConfig = {
      ...config,
      compartments: [
        ...config.compartments,
        { name: 'untrusted', mechanism: 'intel-mpk', default: false, hardening: [] },
      ],
      libraries: config.libraries.map((l, i) =>
        i % 100 === 50 ? { ...l, compartment: 'untrusted' } : l,
      ),
    };
    expect(isPlacementValid(apart, specs)).toBe(true);
    expect(checkPlacement(apart, specs, { fixes: false }).violations).toEqual([]);
  });

  it('colours the conflict graph of its few conflicting libraries', () => {
    const graph = conflictGraph(specs);
    expect(graph.edges.length).toBe(100 * 100);
    const colouring = minimumCompartments(graph);
    expect(colouring).toMatchObject({ count: 2, exact: true });
    for (const e of graph.edges)
      expect(colouring.assignment[e.a]).not.toBe(colouring.assignment[e.b]);
  });

  it('colours a hub conflicting with every other library without n² memory', () => {
    const nodes = Array.from({ length: 10_000 }, (_, i) => `v${i}`);
    const edges = nodes.slice(1).map((b) => ({ a: 'v0', b }));
    expect(minimumCompartments({ nodes, edges })).toMatchObject({ count: 2, exact: true });
  });
});
