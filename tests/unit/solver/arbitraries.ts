import fc from 'fast-check';
import type { ImageConfig } from '../../../src/core/config/image-config.ts';
import type { ComponentSpec, Region } from '../../../src/core/metadata/component-spec.ts';
import { HARDENINGS, MECHANISMS, type Hardening } from '../../../src/core/model.ts';
import type { GateSiteRef } from '../../../src/core/solver/index.ts';
import { spec } from './fixtures.ts';

const REGIONS: Region[] = ['Own', 'Shared', '*'];
const FUNCTIONS = ['f0', 'f1', 'f2'];
/** Called functions include one no API ever declares. */
const CALLED = [...FUNCTIONS, 'f3'];

/** A random component among `names`: memory, calls, API, requirements and allowed hardening. */
function componentArb(name: string, names: readonly string[]): fc.Arbitrary<ComponentSpec> {
  const others = names.filter((n) => n !== name);
  const callTarget = fc.oneof(
    fc.constant('*'),
    fc.constantFrom(...others).map((o) => `${o}::*`),
    fc.tuple(fc.constantFrom(...others), fc.constantFrom(...CALLED)).map(([o, f]) => `${o}::${f}`),
  );
  const requirement = fc
    .tuple(
      fc.constantFrom('*', ...others),
      fc.oneof(
        fc.tuple(fc.constantFrom('Read', 'Write'), fc.constantFrom<string>(...REGIONS)),
        fc.tuple(fc.constant('Call'), fc.constantFrom('*', ...CALLED)),
      ),
    )
    .map(([who, [action, object]]) => `${who}(${action},${object})`);
  // Mostly well-behaved components, so that many systems have few conflicts.
  const regions = fc.oneof(
    { weight: 3, arbitrary: fc.subarray<Region>(['Own', 'Shared']) },
    { weight: 1, arbitrary: fc.subarray(REGIONS) },
  );
  return fc
    .record({
      memory: fc.option(fc.record({ read: regions, write: regions }), { nil: null, freq: 6 }),
      calls: fc.option(fc.array(callTarget, { maxLength: 3 }), { nil: null, freq: 5 }),
      api: fc.subarray(FUNCTIONS),
      requires: fc.option(fc.array(requirement, { maxLength: 5 }), { nil: null, freq: 2 }),
      hardening: fc.option(fc.subarray([...HARDENINGS]), { nil: null }),
    })
    .map((input) => spec(name, input));
}

export interface System {
  specs: ComponentSpec[];
  config: ImageConfig;
  /**
   * Gates of the C: calls (and callbacks) between the components, the library without
   * metadata and a token that names no library, into API and non-API functions.
   */
  sites: GateSiteRef[];
}

/** Gate sites among `names`, each with its own span. */
function sitesArb(names: readonly string[]): fc.Arbitrary<GateSiteRef[]> {
  const lib = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.constantFrom('plain', 'libnowhere') },
  );
  return fc
    .array(
      fc.record({
        caller: lib,
        callee: lib,
        fn: fc.constantFrom(...CALLED),
        via: fc.constantFrom<GateSiteRef['via']>('gate', 'gate', 'callback'),
      }),
      { maxLength: 8 },
    )
    .map((sites) =>
      sites.map((s, i) => ({
        ...s,
        span: { file: `libs/${s.caller}/x.c`, start: 10 * i, end: 10 * i + 5 },
      })),
    );
}

/**
 * 2–6 components with random metadata (sometimes without `[Call]`, with `[API]` lists and
 * `[Requires]` on Own and Shared memory), placed in 1–3 compartments of one random mechanism,
 * with random per-library and per-compartment hardening; sometimes one extra library without
 * metadata, sometimes a library left to the default compartment; random gate sites.
 */
export const systemArb: fc.Arbitrary<System> = fc
  .integer({ min: 2, max: 6 })
  .chain((n) => {
    const names = Array.from({ length: n }, (_, i) => `c${i}`);
    const hard = fc.subarray<Hardening>(['asan', 'cfi', 'ubsan']);
    return fc.record({
      names: fc.constant(names),
      specs: fc.tuple(...names.map((name) => componentArb(name, [...names, 'plain']))),
      mechanism: fc.constantFrom(...MECHANISMS),
      compartments: fc.integer({ min: 1, max: 3 }),
      place: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n + 1, maxLength: n + 1 }),
      listed: fc.array(fc.boolean(), { minLength: n + 1, maxLength: n + 1 }),
      libHardening: fc.array(hard, { minLength: n + 1, maxLength: n + 1 }),
      compHardening: fc.array(fc.subarray<Hardening>(['asan', 'cfi']), {
        minLength: 3,
        maxLength: 3,
      }),
      plain: fc.boolean(),
      sites: sitesArb(names),
    });
  })
  .map((r) => {
    const compartments = Array.from({ length: r.compartments }, (_, i) => ({
      name: `k${i}`,
      mechanism: r.mechanism,
      default: i === 0,
      hardening: r.compHardening[i] ?? [],
    }));
    const libs = r.plain ? [...r.names, 'plain'] : r.names;
    const libraries = libs.flatMap((name, i) =>
      r.listed[i] || name === 'plain'
        ? [
            {
              name,
              compartment: `k${(r.place[i] ?? 0) % r.compartments}`,
              hardening: r.libHardening[i] ?? [],
            },
          ]
        : [],
    );
    const config: ImageConfig = {
      name: 'random',
      sharing: 'heap',
      compartments,
      libraries,
      aliases: {},
    };
    return { specs: [...r.specs], config, sites: r.sites };
  });

/** Every partition of `items` into non-empty blocks. */
export function partitions<T>(items: readonly T[]): T[][][] {
  if (items.length === 0) return [[]];
  const [first, ...rest] = items as [T, ...T[]];
  const out: T[][][] = [];
  for (const p of partitions(rest)) {
    out.push([[first], ...p]);
    p.forEach((_, i) => out.push(p.map((block, j) => (i === j ? [first, ...block] : block))));
  }
  return out;
}
