import fc from 'fast-check';
import {
  createSpace,
  isSafer,
  type Budget,
  type Configuration,
  type Order,
  type Space,
  type SpaceInput,
} from '../../../src/core/explore/index.ts';

/** The minikv space of examples/minikv/space.yaml, built directly. */
export function minikvSpace(overrides: Partial<SpaceInput> = {}): Space {
  return createSpace({
    name: 'minikv',
    components: ['kv', 'libc', 'sched', 'netstack'],
    together: [['kv', 'libc']],
    maxCompartments: 3,
    hardening: { kv: ['asan'], libc: ['asan'], sched: ['asan'], netstack: ['asan+cfi'] },
    ...overrides,
  });
}

const NAMES = ['app', 'libc', 'lwip', 'sched', 'zlib', 'net-2'];
/** Disjoint option sets a component may get (each inner list is one component's options). */
const OPTION_SETS = [
  [],
  ['asan'],
  ['asan+cfi'],
  ['cfi', 'asan'],
  ['ubsan', 'safestack+stack-protector'],
];

/**
 * Random small spaces: 1-5 components, random groups, any maximum, 0-2 options per component
 * and at most `maxOptions` in all, so brute force over every pair stays cheap.
 */
export function arbitrarySpace(maxComponents = 5, maxOptions = 4): fc.Arbitrary<Space> {
  return fc
    .record({
      count: fc.integer({ min: 1, max: maxComponents }),
      groupSeed: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 6, maxLength: 6 }),
      max: fc.integer({ min: 1, max: 5 }),
      options: fc.array(fc.integer({ min: 0, max: OPTION_SETS.length - 1 }), {
        minLength: 6,
        maxLength: 6,
      }),
    })
    .map(({ count, groupSeed, max, options }) => {
      const components = NAMES.slice(0, count);
      const byGroup = new Map<number, string[]>();
      components.forEach((c, i) =>
        byGroup.set(groupSeed[i] as number, [...(byGroup.get(groupSeed[i] as number) ?? []), c]),
      );
      const hardening: Record<string, string[]> = {};
      let total = 0;
      components.forEach((c, i) => {
        const set = OPTION_SETS[options[i] as number] as string[];
        if (total + set.length > maxOptions) return;
        total += set.length;
        hardening[c] = set;
      });
      return createSpace({
        components,
        together: [...byGroup.values()],
        maxCompartments: max,
        hardening,
      });
    });
}

/** The definition: keep what meets the budget, then what nothing kept is safer than. */
export function bruteFrontier(
  cs: Configuration[],
  values: number[],
  budget: Budget,
  order: Order,
): number[] {
  const meets = (v: number): boolean =>
    budget.kind === 'at-least' ? v >= budget.value : v <= budget.value;
  const kept = cs.map((_, i) => i).filter((i) => meets(values[i] as number));
  return kept.filter(
    (i) => !kept.some((j) => isSafer(order, cs[i] as Configuration, cs[j] as Configuration)),
  );
}
