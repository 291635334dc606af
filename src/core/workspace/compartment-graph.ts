import { getBackend } from '../backends/index.ts';
import {
  compartmentNumbers,
  compartmentOf,
  hardeningOf,
  mechanismOf,
  type ImageConfig,
} from '../config/image-config.ts';
import type { ComponentSpec } from '../metadata/component-spec.ts';
import type { Hardening, Mechanism } from '../model.ts';
import { createLibraryNames } from '../names/index.ts';
import type { GateCall } from './gate-scan.ts';

/** How a call crosses: a plain call, or a gate of the image's mechanism. */
export type GateKind = 'nop' | 'mpk' | 'ept' | 'cheri';

export interface GraphCompartment {
  name: string;
  /** 0 for the default compartment, then declaration order. */
  number: number;
  isDefault: boolean;
  hardening: Hardening[];
}

export interface GraphLibrary {
  name: string;
  compartment: string;
  hardening: Hardening[];
  /** Whether `components/<name>.flexos` describes it. */
  hasMetadata: boolean;
  /** Whether the config lists it (else it sits in the default compartment implicitly). */
  listed: boolean;
}

/** Calls from one library to another, and what is wrong with their placement. */
export interface GraphEdge {
  from: string;
  to: string;
  /** Gate placeholders in `from`'s C files that call into `to`. */
  gates: number;
  /** Whether `from`'s metadata declares calls into `to`. */
  declared: boolean;
  kind: GateKind;
  /** Explanations of the violations between the two (either direction), empty when safe. */
  violations: string[];
}

/** Everything the compartment graph panel draws; plain data. */
export interface CompartmentGraph {
  mechanism: Mechanism;
  compartments: GraphCompartment[];
  libraries: GraphLibrary[];
  edges: GraphEdge[];
  /**
   * How many violations the placement has: one per `solver/violation-*` diagnostic, so the
   * graph counts what the Problems panel lists (one edge may carry several).
   */
  violationCount: number;
}

/** A violation as the graph shows it: between two libraries, with a sentence. */
export interface GraphViolation {
  actor: string;
  target: string;
  message: string;
}

const KIND: Record<Mechanism, GateKind> = {
  fcalls: 'nop',
  'intel-mpk': 'mpk',
  'vm-ept': 'ept',
  cheri: 'cheri',
};

/** Builds the graph of an image from its config, metadata, gate placeholders and violations. */
export function toCompartmentGraph(
  config: ImageConfig,
  components: readonly ComponentSpec[],
  gates: readonly GateCall[],
  violations: readonly GraphViolation[],
): CompartmentGraph {
  const mechanism = mechanismOf(config);
  const numbers = compartmentNumbers(config);
  const specs = new Set(components.map((c) => c.name));
  const names = [...new Set([...config.libraries.map((l) => l.name), ...specs])];
  const libraries: GraphLibrary[] = names.map((name) => ({
    name,
    compartment: compartmentOf(config, name)?.name ?? '',
    hardening: hardeningOf(config, name),
    hasMetadata: specs.has(name),
    listed: config.libraries.some((l) => l.name === name),
  }));
  const where = new Map(libraries.map((l) => [l.name, l.compartment]));
  const separates = getBackend(mechanism).separatesMemory;
  const edges = new Map<string, GraphEdge>();
  const edge = (from: string, to: string): GraphEdge => {
    const key = `${from}\u0000${to}`;
    let e = edges.get(key);
    if (!e) {
      const crosses = separates && where.get(from) !== where.get(to);
      e = {
        from,
        to,
        gates: 0,
        declared: false,
        kind: crosses ? KIND[mechanism] : 'nop',
        violations: [],
      };
      edges.set(key, e);
    }
    return e;
  };
  const targets = createLibraryNames(names, config.aliases);
  for (const g of gates) {
    const to = targets.resolveTarget(g.target);
    if (to !== undefined && where.has(g.caller) && to !== g.caller) edge(g.caller, to).gates++;
  }
  for (const c of components) {
    for (const call of c.calls ?? []) {
      if (call.kind === 'lib' && call.lib !== c.name && where.has(call.lib)) {
        edge(c.name, call.lib).declared = true;
      }
    }
  }
  for (const v of violations) {
    if (v.actor === v.target || !where.has(v.actor) || !where.has(v.target)) continue;
    const e = edges.get(`${v.actor}\u0000${v.target}`) ?? edge(v.actor, v.target);
    if (!e.violations.includes(v.message)) e.violations.push(v.message);
  }
  const compartments: GraphCompartment[] = config.compartments.map((c) => ({
    name: c.name,
    number: numbers.get(c.name) ?? 0,
    isDefault: c.default,
    hardening: c.hardening,
  }));
  return {
    mechanism,
    compartments,
    libraries,
    edges: [...edges.values()],
    violationCount: violations.length,
  };
}
