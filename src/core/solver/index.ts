/**
 * The solver: which placements of components are safe (DESIGN.md, "Compatibility").
 *
 * Decided precisely as follows.
 * - Behaviour after hardening (`behaviourOf`): an absent `[Memory access]` is `Read(*);
 *   Write(*)`, but an absent `[Call]` is taken to call nothing (a component that calls out
 *   says so); `asan` turns `*` into `Own, Shared`; `cfi` makes `*` and `lib::*` calls reach
 *   only the callee's `[API]`. Hardening a component's `[Hardening]` forbids is ignored: it
 *   cannot be applied, so it removes no conflict (the conflict graph included), and is
 *   reported as `solver/hardening-not-allowed`. A library without metadata is plain C:
 *   `Read(*); Write(*)`, `[Call] *`, no `[Requires]`, every hardening allowed.
 * - Requirements (`grantsMemory`, `grantsCall`): a `[Requires]` item applies to an actor when
 *   `who` is `*` or its name; object `*` grants the whole action; a grant on `Own` also grants
 *   `Shared`. `requires: null` accepts anything, `[]` forbids everything.
 * - Co-located (same compartment, or any placement under `fcalls`): `Write(*)` needs
 *   `(Write,Own)` and `(Write,Shared)`, `Write(Shared)` needs `(Write,Shared)` (reads alike);
 *   an un-cfi'd `[Call] *` / `[Call] R::*` reaches every function of R and needs `(Call,*)`.
 * - Across a real mechanism: memory is separated; `*` / `R::*` reach R's API, `R::f` reaches
 *   `f`; every reached function needs `(Call,f)` or `(Call,*)`. `R::f` with `f` outside the
 *   API is `solver/call-not-in-api` (warning), not a violation: the gate cannot reach it.
 */
export type { Behaviour, CallReach } from './behaviour.ts';
export { allowedHardening, behaviourOf, hardenRegions } from './behaviour.ts';
export type { TargetView } from './requirements.ts';
export { grantsCall, grantsMemory, requirementsFor, targetOf } from './requirements.ts';
export type { PairFinding, PairResult, ViolationRule } from './pair-rules.ts';
export { checkPair, findingKey, VIOLATION_RULES } from './pair-rules.ts';
export type { PlacementCheck, Violation } from './check-placement.ts';
export { checkPlacement } from './check-placement.ts';
export { describeChange, freshCompartmentName } from './fixes.ts';
export type { ConflictEdge, ConflictGraph, ConflictOptions } from './conflict-graph.ts';
export { conflictGraph } from './conflict-graph.ts';
export type { Colouring, ColouringOptions } from './colouring.ts';
export { minimumCompartments } from './colouring.ts';
export { proposeConfig } from './propose-config.ts';
export { checkLimits } from './limits.ts';
