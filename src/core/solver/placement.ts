import { getBackend } from '../backends/index.ts';
import {
  createConfigLookup,
  mechanismOf,
  type CompartmentConfig,
  type ImageConfig,
  type LibraryConfig,
} from '../config/image-config.ts';
import type { Span } from '../diagnostics.ts';
import type { ComponentSpec } from '../metadata/component-spec.ts';
import type { Hardening } from '../model.ts';
import { behaviourOf, type Behaviour } from './behaviour.ts';
import { imageSpan } from './limits.ts';
import { createPairIndex, type PairIndex } from './pair-index.ts';
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
  /** The config entry of each listed library (the first of its name, as `compartmentOf`). */
  entries: ReadonlyMap<string, LibraryConfig>;
  /** Compartments by name (the first of each name). */
  compartments: ReadonlyMap<string, CompartmentConfig>;
  /** Where unlisted libraries go: the first compartment marked default. */
  defaultCompartment: CompartmentConfig | undefined;
  /** Where a problem of the whole image is shown. */
  imageSpan: Span;
  /** Every ordered pair's findings, evaluated by behaviour class (`pair-index.ts`). */
  pairs: PairIndex;
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
  const lookup = createConfigLookup(config);
  const compartment = new Map<string, string | undefined>();
  const hardening = new Map<string, Hardening[]>();
  const behaviour = new Map<string, Behaviour>();
  const target = new Map<string, TargetView>();
  for (const lib of libs) {
    const spec = specs.get(lib);
    const h = lookup.hardeningOf(lib);
    compartment.set(lib, lookup.compartmentOf(lib)?.name);
    hardening.set(lib, h);
    behaviour.set(lib, behaviourOf(lib, spec, h));
    target.set(lib, targetOf(lib, spec));
  }
  const separates = getBackend(mechanismOf(config)).separatesMemory;
  const pairs = createPairIndex({
    names: libs,
    behaviours: libs.map((l) => behaviour.get(l) as Behaviour),
    targets: libs.map((l) => target.get(l) as TargetView),
    groups: libs.map((l) => compartment.get(l)),
    separates,
  });
  return {
    config,
    specs,
    libs,
    separates,
    compartment,
    hardening,
    behaviour,
    target,
    entries: lookup.entries,
    compartments: lookup.compartments,
    defaultCompartment: lookup.defaultCompartment,
    imageSpan: imageSpan(config),
    pairs,
  };
}
