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

/** What one actor does to one target in a given placement. */
export interface PairResult {
  findings: PairFinding[];
  /** Functions named `target::fn` that are not in `target`'s API while a gate separates them. */
  notInApi: string[];
}

/**
 * Evaluates `actor` against `target`'s requirements. `colocated` is true when nothing separates
 * the two: same compartment, or any placement under a mechanism that separates no memory.
 *
 * Memory (co-located only; a real mechanism keeps others out of private memory): `*` touches
 * the target's `Own` and `Shared`, `Shared` touches its `Shared`, `Own` (the actor's own
 * memory) touches nothing of the target's. Calls (always checked, since a callee's
 * `[Requires]` still governs what enters through its gate): `*` and `target::*` reach every
 * function of a co-located target unless the actor has `cfi`, and otherwise the target's API;
 * `target::f` reaches `f`, except through a gate when `f` is not in the API (`notInApi`).
 */
export function checkPair(actor: Behaviour, target: TargetView, colocated: boolean): PairResult {
  const findings: PairFinding[] = [];
  const notInApi = new Set<string>();
  if (actor.name === target.name) return { findings, notInApi: [] };
  const base = { actor: actor.name, target: target.name };
  if (colocated) {
    for (const action of ['Write', 'Read'] as const) {
      const regions = action === 'Write' ? actor.write : actor.read;
      const prefix = action === 'Write' ? 'write' : 'read';
      const any = regions.includes('*');
      if (any && !grantsMemory(target, actor.name, action, 'Own'))
        findings.push({ rule: `${prefix}-own`, ...base });
      if (
        (any || regions.includes('Shared')) &&
        !grantsMemory(target, actor.name, action, 'Shared')
      )
        findings.push({ rule: `${prefix}-shared`, ...base });
    }
  }
  let everything = false;
  const reached = new Set<string>();
  for (const call of actor.calls) {
    if (call.lib !== null && call.lib !== target.name) continue;
    if (call.lib === null || call.fn === '*') {
      if (colocated && !actor.cfi) everything = true;
      else for (const f of target.api) reached.add(f);
    } else if (!colocated && !target.api.includes(call.fn)) notInApi.add(call.fn);
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
