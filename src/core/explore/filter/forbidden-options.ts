import { createDiagnostic, type Diagnostic } from '../../diagnostics.ts';
import type { ComponentSpec } from '../../metadata/component-spec.ts';
import type { Estimator } from '../labels/cost-model.ts';
import { SPACE_TOP, type ExploreOptions } from '../explore-types.ts';
import type { Configuration, Space } from '../space/space.ts';

/**
 * Options of a space that a component's `[Hardening]` forbids (an option is forbidden when any
 * hardening it turns on is), by index. Components without metadata or without the section
 * allow every hardening.
 */
export function forbiddenOptions(space: Space, components: readonly ComponentSpec[]): number[] {
  const allowed = new Map<string, ComponentSpec['hardening']>();
  for (const c of components) if (!allowed.has(c.name)) allowed.set(c.name, c.hardening);
  const out: number[] = [];
  space.options.forEach((o, i) => {
    const list = allowed.get(space.components[o.component] as string);
    if (list && o.hardening.some((h) => !list.includes(h))) out.push(i);
  });
  return out;
}

/** A space without some options, and how its hardening masks map back to the original's. */
export interface PrunedSpace {
  space: Space;
  /** The original mask of a pruned mask: bit `j` becomes the bit of the `j`-th kept option. */
  expand(mask: number): number;
}

/** `space` without the options at `drop`; the rest keep their order. */
export function withoutOptions(space: Space, drop: readonly number[]): PrunedSpace {
  const kept = space.options.flatMap((_, i) => (drop.includes(i) ? [] : [i]));
  const bits = kept.map((i) => 2 ** i);
  return {
    space: { ...space, options: kept.map((i) => space.options[i] as Space['options'][number]) },
    expand(mask) {
      let out = 0;
      for (let j = 0; j < bits.length; j++) if (mask & (1 << j)) out += bits[j] as number;
      return out;
    },
  };
}

/**
 * Explore options whose space leaves out what a component's `[Hardening]` forbids, with a
 * `space/hardening-not-allowed` warning at each option left out. Hardening a component cannot
 * get is never valid, and making a configuration safer may add it, so keeping such options
 * would break what the structural frontier relies on: that valid configurations stay valid
 * when made safer (true of every `[Requires]` rule). Both the listed and the structural path
 * start from the pruned space, so they agree. The validity check and the estimator were built
 * on the original space: they are wrapped to read pruned masks.
 */
export function pruneForbiddenOptions(
  opts: ExploreOptions,
  components: readonly ComponentSpec[],
): { opts: ExploreOptions; diagnostics: Diagnostic[] } {
  const { space } = opts;
  const drop = forbiddenOptions(space, components);
  if (drop.length === 0) return { opts, diagnostics: [] };
  const diagnostics = drop.map((i) => forbiddenDiagnostic(space, components, i));
  const pruned = withoutOptions(space, drop);
  const original = (cfg: Configuration): Configuration => ({
    blocks: cfg.blocks,
    hardening: pruned.expand(cfg.hardening),
  });
  const check = opts.isAllowed;
  const labels = opts.labels;
  const next: ExploreOptions = {
    ...opts,
    space: pruned.space,
    labels:
      labels.kind === 'estimate'
        ? { kind: 'estimate', estimator: wrapEstimator(labels.estimator, pruned, original) }
        : labels,
  };
  if (check) next.isAllowed = (cfg) => check(original(cfg));
  return { opts: next, diagnostics };
}

function wrapEstimator(
  est: Estimator,
  pruned: PrunedSpace,
  original: (cfg: Configuration) => Configuration,
): Estimator {
  return {
    partitionCost: est.partitionCost,
    hardeningCost: (mask) => est.hardeningCost(pruned.expand(mask)),
    throughput: est.throughput,
    estimate: (cfg) => est.estimate(original(cfg)),
  };
}

function forbiddenDiagnostic(
  space: Space,
  components: readonly ComponentSpec[],
  index: number,
): Diagnostic {
  const o = space.options[index] as Space['options'][number];
  const name = space.components[o.component] as string;
  const spec = components.find((c) => c.name === name);
  const allowed = spec?.hardening?.length ? spec.hardening.join(', ') : 'none';
  return createDiagnostic(
    'space/hardening-not-allowed',
    'warning',
    `${name} cannot be hardened with ${o.label}: its [Hardening] allows ${allowed}; the option is left out of the space`,
    o.span ?? SPACE_TOP,
    spec ? { related: [{ span: spec.span, message: `${name}'s metadata` }] } : {},
  );
}
