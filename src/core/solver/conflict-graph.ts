import type { ComponentSpec } from '../metadata/component-spec.ts';
import type { Hardening } from '../model.ts';
import { behaviourOf } from './behaviour.ts';
import { createPairIndex } from './pair-index.ts';
import { separationCanRemove } from './pair-rules.ts';
import { specMap } from './placement.ts';
import { targetOf, type TargetView } from './requirements.ts';
import { violationMessage } from './violation-report.ts';

/** Two components that cannot share a compartment, and why (one sentence per finding). */
export interface ConflictEdge {
  a: string;
  b: string;
  reasons: string[];
}

export interface ConflictGraph {
  /** Component names, in the order given (first spec of a name wins). */
  nodes: string[];
  /** One edge per conflicting pair, `a` before `b` in `nodes` order. */
  edges: ConflictEdge[];
}

export interface ConflictOptions {
  /**
   * Effective hardening per component; none when absent. What a component's `[Hardening]`
   * forbids is ignored, as it cannot be applied.
   */
  hardening?: Record<string, Hardening[]>;
}

/**
 * The conflict graph: an edge between two components when placing them in one compartment
 * breaks a requirement of either (private memory or calls, co-located semantics of
 * `checkPair`). A pair whose calls are refused even through a gate has an edge too, though
 * separating it is not enough: `checkPlacement` still reports it. Shared-memory findings never
 * make an edge: shared memory is open to every compartment, so no colouring removes them, and
 * `checkPlacement` reports them wherever the two are.
 */
export function conflictGraph(
  components: readonly ComponentSpec[],
  options: ConflictOptions = {},
): ConflictGraph {
  const specs = specMap(components);
  const nodes = [...specs.keys()];
  const targets = nodes.map((n) => targetOf(n, specs.get(n)));
  // Everyone together: the co-located semantics of `checkPair`, evaluated by behaviour class.
  const records = createPairIndex({
    names: nodes,
    behaviours: nodes.map((n) => behaviourOf(n, specs.get(n), options.hardening?.[n] ?? [])),
    targets,
    groups: nodes.map(() => undefined),
    separates: false,
  }).records();
  // Records come by actor then target, so a pair's reasons as actor come before its reasons
  // as target, as "x then y" for x before y.
  const reasonsOf = new Map<number, { a: number; b: number; reasons: string[] }>();
  for (const { actor, target, findings } of records) {
    const t = targets[target] as TargetView;
    for (const f of findings) {
      if (!separationCanRemove(f.rule)) continue;
      const [a, b] = actor < target ? [actor, target] : [target, actor];
      const key = a * nodes.length + b;
      let edge = reasonsOf.get(key);
      if (!edge) reasonsOf.set(key, (edge = { a, b, reasons: [] }));
      edge.reasons.push(violationMessage(f, t.requires, t.api.length > 0));
    }
  }
  const edges = [...reasonsOf.values()]
    .sort((x, y) => x.a - y.a || x.b - y.b)
    .map(({ a, b, reasons }) => ({ a: nodes[a] as string, b: nodes[b] as string, reasons }));
  return { nodes, edges };
}
