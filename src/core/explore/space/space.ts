import type { Span } from '../../diagnostics.ts';
import { sortHardening, type Hardening, type Mechanism, type SharingMode } from '../../model.ts';

/** One hardening option of one component: a single hardening or a `+`-joined bundle. */
export interface HardeningOption {
  /** Index into `Space.components` of the component it applies to. */
  component: number;
  /** The hardening it turns on, in canonical order; options of one component never overlap. */
  hardening: Hardening[];
  /** As written in `space.yaml`: `asan`, `asan+cfi`. */
  label: string;
  /** Where it is written, when it came from a file. */
  span?: Span;
}

/**
 * A design space (docs/semantics.md, "Design spaces"): every partition of its groups
 * into at most `maxCompartments` blocks, times every subset of its hardening options.
 */
export interface Space {
  /** Image name used when a configuration becomes a `config.yaml`. */
  name: string;
  /** Component names sorted by code unit; indices into this list name components everywhere. */
  components: string[];
  /**
   * Units of placement: component indices that always share a compartment, each sorted, the
   * list sorted by first member. A free component is a group of one.
   */
  groups: number[][];
  /** Most compartments a configuration may use (at least 1). */
  maxCompartments: number;
  /** Every option, by component then as declared; option `i` is bit `i` of `hardening`. */
  options: HardeningOption[];
  mechanism: Mechanism;
  sharing: SharingMode;
  /** Whether configurations breaking a component's `[Requires]` are left out. */
  requires: boolean;
}

/**
 * One configuration. Plain data, so it crosses worker boundaries as is; `formatId` names it.
 */
export interface Configuration {
  /**
   * Block of each group as a restricted growth string: group 0 is in block 0 and each group is
   * in a block already used or the next new one, so every partition has exactly one form.
   */
  blocks: number[];
  /** Bit `i` set when option `i` of the space is on. */
  hardening: number;
}

/** Most options a space may have: a hardening subset is a 32-bit mask. */
export const MAX_OPTIONS = 30;

/** What `createSpace` takes: names instead of indices, defaults for everything optional. */
export interface SpaceInput {
  components: string[];
  together?: string[][];
  maxCompartments?: number;
  /** Options per component; an option is a hardening name or a `+`-joined bundle. */
  hardening?: Record<string, string[]>;
  mechanism?: Mechanism;
  sharing?: SharingMode;
  requires?: boolean;
  name?: string;
}

/**
 * Builds a space from already valid input (`parseSpace` checks text first). Invalid input is
 * a bug of the caller and throws.
 */
export function createSpace(input: SpaceInput): Space {
  const components = [...new Set(input.components)].sort(compareNames);
  const index = new Map(components.map((c, i) => [c, i]));
  const idx = (name: string): number => {
    const i = index.get(name);
    if (i === undefined) throw new Error(`unknown component ${name}`);
    return i;
  };
  const groupOf = components.map((_, i) => i);
  for (const group of input.together ?? []) {
    const members = group.map(idx);
    const root = Math.min(...members.map((m) => groupOf[m] as number));
    for (const m of members) relabel(groupOf, groupOf[m] as number, root);
  }
  const groups = new Map<number, number[]>();
  groupOf.forEach((g, i) => groups.set(g, [...(groups.get(g) ?? []), i]));
  const options: HardeningOption[] = [];
  for (let c = 0; c < components.length; c++) {
    for (const label of input.hardening?.[components[c] as string] ?? []) {
      const hardening = sortHardening(label.split('+').map((h) => h.trim()) as Hardening[]);
      options.push({ component: c, hardening, label });
    }
  }
  if (options.length > MAX_OPTIONS) throw new Error(`more than ${MAX_OPTIONS} options`);
  return {
    name: input.name ?? 'space',
    components,
    groups: [...groups.values()].sort((a, b) => (a[0] as number) - (b[0] as number)),
    maxCompartments: Math.max(1, input.maxCompartments ?? components.length),
    options,
    mechanism: input.mechanism ?? 'intel-mpk',
    sharing: input.sharing ?? 'heap',
    requires: input.requires ?? true,
  };
}

function relabel(groupOf: number[], from: number, to: number): void {
  for (let i = 0; i < groupOf.length; i++) if (groupOf[i] === from) groupOf[i] = to;
}

/** Plain code-unit order, the order of names in ids. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Number of blocks of a configuration. */
export function blockCount(cfg: Configuration): number {
  let max = -1;
  for (const b of cfg.blocks) if (b > max) max = b;
  return max + 1;
}

/** Number of options on. */
export function popcount(mask: number): number {
  let m = mask >>> 0;
  let n = 0;
  while (m !== 0) {
    m &= m - 1;
    n++;
  }
  return n;
}

/**
 * Safety rank: compartments beyond one plus options on. It grows strictly along every safer
 * edge of both orders, and on a whole space it is the length of the longest chain from the
 * least configuration.
 */
export function safetyRank(cfg: Configuration): number {
  return blockCount(cfg) - 1 + popcount(cfg.hardening);
}

/** Hardening of each component (canonical order) under a configuration's options. */
export function hardeningByComponent(space: Space, hardening: number): Hardening[][] {
  const out: Hardening[][] = space.components.map(() => []);
  space.options.forEach((o, i) => {
    if (hardening & (1 << i)) out[o.component]?.push(...o.hardening);
  });
  return out.map((list) => sortHardening(list));
}

/** Block of each component under a configuration. */
export function componentBlocks(space: Space, cfg: Configuration): number[] {
  const out = space.components.map(() => 0);
  space.groups.forEach((g, gi) => {
    for (const c of g) out[c] = cfg.blocks[gi] ?? 0;
  });
  return out;
}
