import type { Behaviour } from './behaviour.ts';
import { grantsCall, grantsMemory, type TargetView } from './requirements.ts';

/** The rule a violation breaks: which action on which part of the target. */
export type ViolationRule = 'write-own' | 'read-own' | 'write-shared' | 'read-shared' | 'call';

/** Rules in the order violations are listed. */
export const VIOLATION_RULES: readonly ViolationRule[] = [
  'write-own',
  'read-own',
  'write-shared',
  'read-shared',
  'call',
];

/** One way `actor` may do to `target` what `target`'s `[Requires]` does not allow. */
export interface PairFinding {
  rule: ViolationRule;
  actor: string;
  target: string;
  /** For `call`: functions reached without a grant, sorted; `['*']` is "any function". */
  functions?: string[];
}

/** Rules about the target's shared memory, which every compartment can reach. */
export const SHARED_RULES: readonly ViolationRule[] = ['write-shared', 'read-shared'];

/**
 * Whether placing the two components apart can remove a finding of `rule`: not for shared
 * memory, which one protection key leaves open in every compartment.
 */
export function separationCanRemove(rule: ViolationRule): boolean {
  return !SHARED_RULES.includes(rule);
}

/** What one actor does to one target in a given placement. */
export interface PairResult {
  findings: PairFinding[];
  /**
   * Functions named `target::fn` that are not in `target`'s declared API while a gate
   * separates them: the gate cannot enter them.
   */
  notInApi: string[];
}

const apiSets = new WeakMap<readonly string[], { length: number; set: ReadonlySet<string> }>();

/**
 * `api` as a set, built once per list (again if the list grew): a component may call
 * thousands of functions of one API, each looked up in it.
 */
function apiSet(api: readonly string[]): ReadonlySet<string> {
  let cached = apiSets.get(api);
  if (!cached || cached.length !== api.length) {
    cached = { length: api.length, set: new Set(api) };
    apiSets.set(api, cached);
  }
  return cached.set;
}

/**
 * Evaluates `actor` against `target`'s requirements. `colocated` is true when nothing separates
 * the two: same compartment, or any placement under a mechanism that separates no memory.
 *
 * Memory: `*` touches the target's `Own` and `Shared`, `Shared` touches its `Shared`, `Own`
 * (the actor's own memory) touches nothing of the target's. Private memory is reached only
 * co-located (a real mechanism keeps others out); shared memory (whitelisted data, the shared
 * heap and stacks) is open to every compartment, so it is checked wherever the two are.
 * Calls (always checked, since a callee's `[Requires]` still governs what enters through its
 * gate): `*` and `target::*` reach every function of a co-located target unless the actor has
 * `cfi`, which limits them to the target's declared API; through a gate they reach the
 * target's API, or every function when it declares none. `target::f` reaches `f`, except
 * through a gate when the target declares an API without `f` (`notInApi`).
 */
export function checkPair(actor: Behaviour, target: TargetView, colocated: boolean): PairResult {
  const findings: PairFinding[] = [];
  const notInApi = new Set<string>();
  if (actor.name === target.name) return { findings, notInApi: [] };
  const base = { actor: actor.name, target: target.name };
  for (const action of ['Write', 'Read'] as const) {
    const regions = action === 'Write' ? actor.write : actor.read;
    const prefix = action === 'Write' ? 'write' : 'read';
    const any = regions.includes('*');
    if (colocated && any && !grantsMemory(target, actor.name, action, 'Own'))
      findings.push({ rule: `${prefix}-own`, ...base });
    if ((any || regions.includes('Shared')) && !grantsMemory(target, actor.name, action, 'Shared'))
      findings.push({ rule: `${prefix}-shared`, ...base });
  }
  // Without an [API], every function is an entry point (what a gate may enter).
  const declared = target.api.length > 0;
  let everything = false;
  const reached = new Set<string>();
  for (const call of actor.calls) {
    if (call.lib !== null && call.lib !== target.name) continue;
    if (call.lib === null || call.fn === '*') {
      if (!actor.cfi && (colocated || !declared)) everything = true;
      else for (const f of target.api) reached.add(f);
    } else if (!colocated && declared && !apiSet(target.api).has(call.fn)) notInApi.add(call.fn);
    else reached.add(call.fn);
  }
  if (everything && !grantsCall(target, actor.name, '*')) {
    findings.push({ rule: 'call', ...base, functions: ['*'] });
  } else if (!everything) {
    const denied = [...reached].filter((f) => !grantsCall(target, actor.name, f)).sort();
    if (denied.length > 0) findings.push({ rule: 'call', ...base, functions: denied });
  }
  findings.sort((a, b) => VIOLATION_RULES.indexOf(a.rule) - VIOLATION_RULES.indexOf(b.rule));
  return { findings, notInApi: [...notInApi].sort() };
}

/** Identity of a finding across placements: actor, target and rule. */
export function findingKey(f: Pick<PairFinding, 'actor' | 'target' | 'rule'>): string {
  return `${f.actor}\u0000${f.target}\u0000${f.rule}`;
}
