import { getBackend } from '../backends/index.ts';
import {
  compartmentOf,
  hardeningOf,
  mechanismOf,
  type ImageConfig,
} from '../config/image-config.ts';
import type { ComponentSpec } from '../metadata/component-spec.ts';
import type { Hardening } from '../model.ts';
import { behaviourOf, type Behaviour } from './behaviour.ts';
import { checkPair, type PairFinding, type PairResult } from './pair-rules.ts';
import { targetOf, type TargetView } from './requirements.ts';

/**
 * An image's libraries with where they are and what they do: the input of every rule check.
 * The libraries are those the config lists plus every component given metadata (an unlisted
 * one is in the default compartment), in that order.
 */
export interface Placement {
  config: ImageConfig;
  specs: ReadonlyMap<string, ComponentSpec>;
  libs: readonly string[];
  /** Whether different compartments are really separated (false under `fcalls`). */
  separates: boolean;
  compartment: ReadonlyMap<string, string | undefined>;
  hardening: ReadonlyMap<string, Hardening[]>;
  behaviour: ReadonlyMap<string, Behaviour>;
  target: ReadonlyMap<string, TargetView>;
}

/** First spec of each name wins, so duplicate metadata cannot change a result. */
export function specMap(components: readonly ComponentSpec[]): Map<string, ComponentSpec> {
  const specs = new Map<string, ComponentSpec>();
  for (const c of components) if (!specs.has(c.name)) specs.set(c.name, c);
  return specs;
}

export function createPlacement(
  config: ImageConfig,
  specs: ReadonlyMap<string, ComponentSpec>,
): Placement {
  const libs = [...new Set([...config.libraries.map((l) => l.name), ...specs.keys()])];
  const compartment = new Map<string, string | undefined>();
  const hardening = new Map<string, Hardening[]>();
  const behaviour = new Map<string, Behaviour>();
  const target = new Map<string, TargetView>();
  for (const lib of libs) {
    const spec = specs.get(lib);
    const h = hardeningOf(config, lib);
    compartment.set(lib, compartmentOf(config, lib)?.name);
    hardening.set(lib, h);
    behaviour.set(lib, behaviourOf(lib, spec, h));
    target.set(lib, targetOf(lib, spec));
  }
  const separates = getBackend(mechanismOf(config)).separatesMemory;
  return { config, specs, libs, separates, compartment, hardening, behaviour, target };
}

/**
 * The placement after `next`, a change of `lib` alone (its compartment or its own hardening,
 * as `applyConfigChange` makes): only `lib`'s entries are recomputed, so checking one fix costs
 * O(libraries), not a new placement's O(libraries²).
 */
export function withLibraryChanged(p: Placement, next: ImageConfig, lib: string): Placement {
  const compartment = new Map(p.compartment);
  const hardening = new Map(p.hardening);
  const behaviour = new Map(p.behaviour);
  const h = hardeningOf(next, lib);
  compartment.set(lib, compartmentOf(next, lib)?.name);
  hardening.set(lib, h);
  behaviour.set(lib, behaviourOf(lib, p.specs.get(lib), h));
  return { ...p, config: next, compartment, hardening, behaviour };
}

/** Whether nothing separates `a` and `b` in this placement. */
export function isColocated(p: Placement, a: string, b: string): boolean {
  return !p.separates || p.compartment.get(a) === p.compartment.get(b);
}

/** What `actor` does to `target` in this placement. */
export function checkPairIn(p: Placement, actor: string, target: string): PairResult {
  const b = p.behaviour.get(actor);
  const t = p.target.get(target);
  if (!b || !t) return { findings: [], notInApi: [] };
  return checkPair(b, t, isColocated(p, actor, target));
}

/** Every finding of the placement, by actor then target. */
export function allFindings(p: Placement): PairFinding[] {
  const out: PairFinding[] = [];
  for (const a of p.libs) for (const t of p.libs) out.push(...checkPairIn(p, a, t).findings);
  return out;
}

/** Findings of every pair with `lib` on either side: all that a change to `lib` can affect. */
export function findingsInvolving(p: Placement, lib: string): PairFinding[] {
  const out: PairFinding[] = [];
  for (const other of p.libs) {
    if (other === lib) continue;
    out.push(...checkPairIn(p, lib, other).findings, ...checkPairIn(p, other, lib).findings);
  }
  return out;
}
