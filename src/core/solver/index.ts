/**
 * The solver: which placements of components are safe (docs/semantics.md).
 *
 * Decided precisely as follows.
 * - Behaviour after hardening (`behaviourOf`): absent sections mean "anything", as for a
 *   library without metadata: no `[Memory access]` is `Read(*); Write(*)`, no `[Call]` is
 *   `[Call] *` (the parser warns: `meta/missing-memory-access`, `meta/missing-call`); an empty
 *   `[Call]` calls nothing. `asan` turns `*` into `Own, Shared`; `cfi` makes `*` and `lib::*`
 *   calls reach only the callee's declared `[API]`. Hardening a component's `[Hardening]`
 *   forbids is ignored: it cannot be applied, so it removes no conflict (the conflict graph
 *   included), and is reported as `solver/hardening-not-allowed`. A library without metadata
 *   is plain C: `Read(*); Write(*)`, `[Call] *`, no `[Requires]`, every hardening allowed.
 * - Requirements (`grantsMemory`, `grantsCall`): a `[Requires]` item applies to an actor when
 *   `who` is `*` or its name; object `*` grants the whole action; a grant on `Own` also grants
 *   `Shared`. `requires: null` accepts anything, `[]` forbids everything.
 * - Shared memory (whitelisted data, the shared heap, shared stacks) is open to every
 *   compartment, as one protection key stays enabled everywhere: `Write(*)` or
 *   `Write(Shared)` needs the target's `(Write,Shared)` wherever the two are (reads alike).
 *   No move fixes it and no hardening does (`asan` keeps `Shared`), so such a violation has no
 *   fix, is no conflict edge, and remains after `solve`.
 * - Co-located (same compartment, or any placement under `fcalls`): `Write(*)` also needs
 *   `(Write,Own)` (reads alike); an un-cfi'd `[Call] *` / `[Call] R::*` reaches every function
 *   of R and needs `(Call,*)`.
 * - Across a real mechanism: private memory is separated; a call enters through a gate, which
 *   may only enter R's `[API]` when R declares one (any function when it does not): `*` /
 *   `R::*` reach R's entry points, `R::f` reaches `f`; every reached function needs `(Call,f)`
 *   or `(Call,*)`. `R::f` with `f` outside a declared API is `solver/call-not-in-api`
 *   (warning), not a violation: the gate cannot reach it.
 * - Gates of the C (`checkGateSites`): a gate to `R::f` that the caller's `[Call]` does not
 *   allow is `solver/gate-not-in-call`, in any placement; a gate or callback wrapper entering a
 *   function outside the callee's declared `[API]` across a real mechanism is
 *   `solver/gate-not-in-api`. Both are errors at the gate. A callback (`libX_callback` on `f`
 *   of L) is X entering L at `f`: `f` must be in L's `[API]`, but X's `[Call]` need not list
 *   it (X calls a pointer it was handed; its metadata cannot name every client).
 *
 * Cost. Only a component with `[Requires]` can be broken, so `checkPlacement` evaluates each
 * such component once per behaviour class of the others (regions, `[Call] *`, `cfi`, and
 * whether co-located) and visits a library only when its pair has a finding or names the
 * other (`pair-index.ts`): 10,000 libraries cost about their metadata plus what is reported.
 * Each distinct fix is evaluated on the pairs of its one library, likewise.
 * - `checkPlacement(config, components)`: violations with their fixes, and every diagnostic.
 * - `checkPlacement(config, components, { fixes: false })`: the same without the fix search
 *   (every `fixes` is empty), for callers that only show or count violations.
 * - `isPlacementValid(config, components)`: `checkPlacement(...).violations.length === 0`,
 *   stopping at the first finding and building nothing: the test of an explorer filter.
 *   Hardening a `[Hardening]` forbids and mechanism limits are errors but not violations
 *   (`checkLimits`, `allowedHardening`).
 */
export type { Behaviour, CallReach } from './behaviour.ts';
export { allowedHardening, behaviourOf, hardenRegions } from './behaviour.ts';
export type { TargetView } from './requirements.ts';
export { grantsCall, grantsMemory, requirementsFor, targetOf } from './requirements.ts';
export type { PairFinding, PairResult, ViolationRule } from './pair-rules.ts';
export {
  checkPair,
  findingKey,
  separationCanRemove,
  SHARED_RULES,
  VIOLATION_RULES,
} from './pair-rules.ts';
export type { PlacementCheck, PlacementOptions, Violation } from './check-placement.ts';
export { checkPlacement, isPlacementValid } from './check-placement.ts';
export { describeChange, freshCompartmentName } from './fixes.ts';
export type { ConflictEdge, ConflictGraph, ConflictOptions } from './conflict-graph.ts';
export { conflictGraph } from './conflict-graph.ts';
export type { Colouring, ColouringOptions } from './colouring.ts';
export { minimumCompartments } from './colouring.ts';
export { proposeConfig } from './propose-config.ts';
export { checkLimits } from './limits.ts';
export type { GateSiteRef } from './check-gate-sites.ts';
export { checkGateSites } from './check-gate-sites.ts';
