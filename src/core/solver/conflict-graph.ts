import type { ComponentSpec } from '../metadata/component-spec.ts';
import type { Hardening } from '../model.ts';
import { behaviourOf } from './behaviour.ts';
import { checkPair, separationCanRemove } from './pair-rules.ts';
import { specMap } from './placement.ts';
import { targetOf } from './requirements.ts';
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
  const behaviour = nodes.map((n) => behaviourOf(n, specs.get(n), options.hardening?.[n] ?? []));
  const target = nodes.map((n) => targetOf(n, specs.get(n)));
  const edges: ConflictEdge[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const reasons: string[] = [];
      for (const [x, y] of [
        [i, j],
        [j, i],
      ] as const) {
        const t = target[y]!;
        for (const f of checkPair(behaviour[x]!, t, true).findings)
          if (separationCanRemove(f.rule))
            reasons.push(violationMessage(f, t.requires, t.api.length > 0));
      }
      if (reasons.length > 0) edges.push({ a: nodes[i]!, b: nodes[j]!, reasons });
    }
  }
  return { nodes, edges };
}
