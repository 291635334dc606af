import { getBackend } from '../backends/index.ts';
import type { ConfigChange } from '../config/config-change.ts';
import { mechanismOf, type ImageConfig } from '../config/index.ts';
import type { ComponentSpec } from '../metadata/component-spec.ts';
import { HARDENINGS, sortHardening, type Hardening } from '../model.ts';
import { allowedHardening, behaviourOf } from './behaviour.ts';
import { findingKey, separationCanRemove, type PairFinding } from './pair-rules.ts';
import type { PairRecord } from './pair-index.ts';
import type { Placement } from './placement.ts';

/** A short imperative title for a change: "Move netstack to compartment comp2". */
export function describeChange(change: ConfigChange): string {
  switch (change.kind) {
    case 'move':
      return `Move ${change.lib} to compartment ${change.compartment}`;
    case 'new-compartment':
      return `Move ${change.lib} to a new compartment ${change.compartment}`;
    case 'harden':
      return `Harden ${change.lib} with ${change.hardening}`;
  }
}

/** `comp<N>` with the smallest N past the number of compartments that no compartment uses. */
export function freshCompartmentName(config: ImageConfig): string {
  const used = new Set(config.compartments.map((c) => c.name));
  let n = config.compartments.length + 1;
  while (used.has(`comp${n}`)) n++;
  return `comp${n}`;
}

interface Outcome {
  /** Findings, after the change, of every pair the change touches. */
  after: Set<string>;
  /**
   * Whether the change brings a problem that was not there before: a finding, or hardening the
   * library's `[Hardening]` forbids (a move into a compartment hardened with it), which
   * `checkPlacement` reports as `solver/hardening-not-allowed`.
   */
  introducesNew: boolean;
}

/** Hardening in `has` that `spec`'s `[Hardening]` forbids. */
function forbiddenHardening(
  spec: ComponentSpec | undefined,
  has: readonly Hardening[],
): Hardening[] {
  const allowed = allowedHardening(spec, has);
  return has.filter((h) => !allowed.includes(h));
}

/**
 * Where `change.lib` is, and its effective hardening, once `change` is made: what
 * `applyConfigChange` then `compartmentOf` and `hardeningOf` give for that one library,
 * without copying the image (a copy per change made the fixes of 10,000 libraries quadratic).
 * Emptying its previous compartment removes that one, which changes no other library's place.
 */
export function libraryAfter(
  p: Placement,
  change: ConfigChange,
): { compartment: string | undefined; hardening: Hardening[] } {
  const entry = p.entries.get(change.lib);
  const effective = (comp: { hardening: readonly Hardening[] } | undefined, own: Hardening[]) => [
    ...new Set([...(comp?.hardening ?? []), ...own]),
  ];
  if (change.kind === 'harden') {
    // Without an entry, one is added in its current compartment (else the first one).
    const name = entry
      ? entry.compartment
      : (p.defaultCompartment?.name ?? p.config.compartments[0]?.name ?? '');
    const comp = p.compartments.get(name) ?? p.defaultCompartment;
    const own = entry ? sortHardening([...entry.hardening, change.hardening]) : [change.hardening];
    return { compartment: comp?.name, hardening: effective(comp, own) };
  }
  const comp =
    p.compartments.get(change.compartment) ??
    (change.kind === 'new-compartment'
      ? { name: change.compartment, hardening: [] }
      : p.defaultCompartment);
  return { compartment: comp?.name, hardening: effective(comp, entry?.hardening ?? []) };
}

/** A cache key of a change (its fields, in a fixed order). */
function changeKey(change: ConfigChange): string {
  const what = change.kind === 'harden' ? change.hardening : change.compartment;
  return `${change.kind}\u0000${change.lib}\u0000${what}`;
}

const KIND_ORDER: Record<ConfigChange['kind'], number> = {
  harden: 0,
  move: 1,
  'new-compartment': 2,
};

/**
 * Returns a function listing the changes that remove one finding of `p`: add a hardening to the
 * actor that its `[Hardening]` allows; move the actor or the target to another existing
 * compartment; move either to a new compartment while the mechanism's limit allows one more.
 * Moves are not offered when the mechanism separates nothing, nor for shared memory, which
 * every compartment reaches (only a hardening that really removes the access could fix it,
 * and none does: `asan` keeps `Shared`). Every change is checked by re-evaluating the pairs it
 * affects; changes that bring no new finding and no hardening the library's `[Hardening]`
 * forbids come first, then by kind (harden, move, new compartment). Outcomes are cached per
 * change, so asking for every finding of a placement costs one evaluation per distinct change.
 */
export function createFixFinder(
  p: Placement,
  records: readonly PairRecord[],
): (finding: PairFinding) => ConfigChange[] {
  const before = new Set<string>();
  for (const r of records) for (const f of r.findings) before.add(findingKey(f));
  const limit = getBackend(mechanismOf(p.config)).maxCompartments;
  const fresh = freshCompartmentName(p.config);
  const cache = new Map<string, Outcome>();
  const indexOf = new Map(p.libs.map((lib, i) => [lib, i]));

  const outcome = (change: ConfigChange): Outcome => {
    const key = changeKey(change);
    let o = cache.get(key);
    if (!o) {
      const { lib } = change;
      const spec = p.specs.get(lib);
      const next = libraryAfter(p, change);
      const index = indexOf.get(lib);
      const found =
        index === undefined
          ? []
          : p.pairs.involving(index, next.compartment, behaviourOf(lib, spec, next.hardening));
      const after = new Set(found.map(findingKey));
      const forbidden = forbiddenHardening(spec, p.hardening.get(lib) ?? []);
      o = {
        after,
        introducesNew:
          [...after].some((k) => !before.has(k)) ||
          forbiddenHardening(spec, next.hardening).some((h) => !forbidden.includes(h)),
      };
      cache.set(key, o);
    }
    return o;
  };

  const candidates = (f: PairFinding): ConfigChange[] => {
    const out: ConfigChange[] = [];
    const allowed = p.specs.get(f.actor)?.hardening ?? HARDENINGS;
    const has = p.hardening.get(f.actor) ?? [];
    for (const h of HARDENINGS)
      if (allowed.includes(h) && !has.includes(h))
        out.push({ kind: 'harden', lib: f.actor, hardening: h });
    if (!p.separates || !separationCanRemove(f.rule)) return out;
    for (const lib of [f.actor, f.target]) {
      for (const c of p.config.compartments)
        if (c.name !== p.compartment.get(lib)) out.push({ kind: 'move', lib, compartment: c.name });
    }
    if (p.config.compartments.length + 1 <= limit) {
      for (const lib of [f.actor, f.target])
        out.push({ kind: 'new-compartment', lib, compartment: fresh });
    }
    return out;
  };

  return (f) => {
    const key = findingKey(f);
    const ranked = candidates(f)
      .map((change, index) => ({ change, index, o: outcome(change) }))
      .filter((c) => !c.o.after.has(key));
    ranked.sort(
      (a, b) =>
        Number(a.o.introducesNew) - Number(b.o.introducesNew) ||
        KIND_ORDER[a.change.kind] - KIND_ORDER[b.change.kind] ||
        a.index - b.index,
    );
    return ranked.map((c) => c.change);
  };
}
