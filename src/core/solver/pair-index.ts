/**
 * Every ordered pair of an image's libraries evaluated in about linear time, with the same
 * results as `checkPair` on each pair.
 *
 * Most pairs need no work: a target without `[Requires]` accepts anything, so only pairs into
 * a component with `[Requires]` (a "requirer") can have findings, and only pairs where the
 * actor names the target in its `[Call]` can call outside a crossed `[API]`. Against one
 * requirer, every actor that is not named (by a `who` of its `[Requires]` or in the actor's
 * `[Call]`) gets the same findings as any other actor with the same behaviour class — its
 * regions, whether it has `[Call] *`, whether it has `cfi` — and the same co-location. So each
 * requirer is evaluated once per class and co-location (a "template"), and an actor is visited
 * only when its pair has findings. Named pairs, at most the size of the metadata, are checked
 * one by one. The cost is O(libraries + metadata + requirers × classes + findings).
 */
import type { Behaviour } from './behaviour.ts';
import { checkPair, type PairFinding } from './pair-rules.ts';
import type { TargetView } from './requirements.ts';

/** The libraries of one placement, index-aligned. */
export interface PairInput {
  names: readonly string[];
  behaviours: readonly Behaviour[];
  targets: readonly TargetView[];
  /** Each library's compartment: two libraries are co-located when equal or `!separates`. */
  groups: readonly (string | undefined)[];
  separates: boolean;
}

/** One ordered pair with something to report, as `checkPair` gives it. */
export interface PairRecord {
  actor: number;
  target: number;
  findings: PairFinding[];
  notInApi: string[];
}

export interface PairIndex {
  /** Every pair with a finding or a call outside a crossed API, by actor then target index. */
  records(): PairRecord[];
  /** Whether any pair has a finding; stops at the first, builds no list. */
  hasFinding(): boolean;
  /**
   * Findings of every pair with library `lib` on either side, `lib` being moved to `group`
   * with `behaviour` and every other library as it is: what one change of `lib` affects.
   */
  involving(lib: number, group: string | undefined, behaviour: Behaviour): PairFinding[];
}

/** The actor of a template: no library's name, as names never contain spaces. */
const ANY_ACTOR = '\u0000 any actor';

/** Behaviours that every requirer not naming them treats alike. */
function classKey(b: Behaviour): string {
  const any = b.calls.some((c) => c.lib === null);
  return `${b.read.join(',')}|${b.write.join(',')}|${any ? '*' : ''}|${b.cfi ? 'cfi' : ''}`;
}

/** A template's findings with the real actor's name. */
function instantiate(template: readonly PairFinding[], actor: string): PairFinding[] {
  return template.map((f) =>
    f.functions ? { ...f, actor, functions: [...f.functions] } : { ...f, actor },
  );
}

interface BehaviourClass {
  key: string;
  /** What an actor of the class does to a target that does not name it. */
  representative: Behaviour;
  members: number[];
  /** Members by compartment. */
  byGroup: Map<string | undefined, number[]>;
}

function representativeOf(b: Behaviour): Behaviour {
  const any = b.calls.some((c) => c.lib === null);
  return {
    name: ANY_ACTOR,
    read: b.read,
    write: b.write,
    calls: any ? [{ lib: null, fn: '*' }] : [],
    cfi: b.cfi,
  };
}

export function createPairIndex(input: PairInput): PairIndex {
  const { names, behaviours, targets, groups, separates } = input;
  const n = names.length;
  const indexOf = new Map<string, number>();
  names.forEach((name, i) => indexOf.set(name, i));

  const classes: BehaviourClass[] = [];
  const classByKey = new Map<string, BehaviourClass>();
  for (let a = 0; a < n; a++) {
    const b = behaviours[a] as Behaviour;
    const key = classKey(b);
    let k = classByKey.get(key);
    if (!k) {
      k = { key, representative: representativeOf(b), members: [], byGroup: new Map() };
      classByKey.set(key, k);
      classes.push(k);
    }
    k.members.push(a);
    const group = groups[a];
    let inGroup = k.byGroup.get(group);
    if (!inGroup) k.byGroup.set(group, (inGroup = []));
    inGroup.push(a);
  }

  const requirers: number[] = [];
  for (let t = 0; t < n; t++) if ((targets[t] as TargetView).requires !== null) requirers.push(t);

  /** Actors each target must check one by one: callers naming it, `who`s of its `[Requires]`. */
  const named = new Map<number, Set<number>>();
  const name = (t: number, a: number): void => {
    if (a === t) return;
    let set = named.get(t);
    if (!set) named.set(t, (set = new Set()));
    set.add(a);
  };
  for (let a = 0; a < n; a++)
    for (const call of (behaviours[a] as Behaviour).calls) {
      const t = call.lib === null ? undefined : indexOf.get(call.lib);
      if (t !== undefined) name(t, a);
    }
  for (const t of requirers)
    for (const r of (targets[t] as TargetView).requires ?? []) {
      const a = r.who === '*' ? undefined : indexOf.get(r.who);
      if (a !== undefined) name(t, a);
    }

  const templates = new Map<string, PairFinding[]>();
  /** What an actor of behaviour `b`'s class, not named by `t`, breaks of `t`'s requirements. */
  const template = (t: number, key: string, b: Behaviour, colocated: boolean): PairFinding[] => {
    const cacheKey = `${t}|${colocated ? 1 : 0}|${key}`;
    let found = templates.get(cacheKey);
    if (!found) {
      const representative = classByKey.get(key)?.representative ?? representativeOf(b);
      found = checkPair(representative, targets[t] as TargetView, colocated).findings;
      templates.set(cacheKey, found);
    }
    return found;
  };
  const colocated = (x: string | undefined, y: string | undefined): boolean =>
    !separates || x === y;

  /**
   * Calls `visit` for each actor of class `k` not named by `t` (nor `t` itself) whose pair with
   * `t`, the target being in `group`, has findings; stops when `visit` returns true. Only
   * non-empty templates are walked, so a walk passes over nothing but named actors and, when
   * the class has findings from other compartments, its members in `group`, which then have
   * findings too (being co-located adds findings, never removes one): the cost is the output.
   */
  const eachAnonymous = (
    t: number,
    group: string | undefined,
    k: BehaviourClass,
    visit: (a: number, findings: readonly PairFinding[]) => boolean,
  ): boolean => {
    const skip = named.get(t);
    const inside = template(t, k.key, k.representative, true);
    if (inside.length > 0) {
      const same = separates ? (k.byGroup.get(group) ?? []) : k.members;
      for (const a of same) if (a !== t && !skip?.has(a) && visit(a, inside)) return true;
    }
    if (!separates) return false;
    const outside = template(t, k.key, k.representative, false);
    if (outside.length === 0) return false;
    for (const a of k.members)
      if (groups[a] !== group && a !== t && !skip?.has(a) && visit(a, outside)) return true;
    return false;
  };

  const records = (): PairRecord[] => {
    const out: PairRecord[] = [];
    for (const t of requirers)
      for (const k of classes)
        eachAnonymous(t, groups[t], k, (a, findings) => {
          const actor = names[a] as string;
          out.push({ actor: a, target: t, findings: instantiate(findings, actor), notInApi: [] });
          return false;
        });
    for (const [t, actors] of named)
      for (const a of actors) {
        const together = colocated(groups[a], groups[t]);
        const r = checkPair(behaviours[a] as Behaviour, targets[t] as TargetView, together);
        if (r.findings.length > 0 || r.notInApi.length > 0) out.push({ actor: a, target: t, ...r });
      }
    return out.sort((x, y) => x.actor - y.actor || x.target - y.target);
  };

  const hasFinding = (): boolean => {
    for (const t of requirers)
      for (const k of classes) if (eachAnonymous(t, groups[t], k, () => true)) return true;
    for (const [t, actors] of named) {
      const target = targets[t] as TargetView;
      if (target.requires === null) continue;
      for (const a of actors) {
        const together = colocated(groups[a], groups[t]);
        if (checkPair(behaviours[a] as Behaviour, target, together).findings.length > 0)
          return true;
      }
    }
    return false;
  };

  const involving = (
    lib: number,
    group: string | undefined,
    behaviour: Behaviour,
  ): PairFinding[] => {
    const out: PairFinding[] = [];
    const libName = names[lib] as string;
    const key = classKey(behaviour);
    for (const t of requirers) {
      if (t === lib) continue;
      const together = colocated(group, groups[t]);
      const target = targets[t] as TargetView;
      const found = named.get(t)?.has(lib)
        ? checkPair(behaviour, target, together).findings
        : instantiate(template(t, key, behaviour, together), libName);
      for (const f of found) out.push(f);
    }
    if ((targets[lib] as TargetView).requires === null) return out;
    for (const k of classes)
      eachAnonymous(lib, group, k, (a, findings) => {
        for (const f of instantiate(findings, names[a] as string)) out.push(f);
        return false;
      });
    for (const a of named.get(lib) ?? []) {
      const together = colocated(groups[a], group);
      const r = checkPair(behaviours[a] as Behaviour, targets[lib] as TargetView, together);
      for (const f of r.findings) out.push(f);
    }
    return out;
  };

  return { records, hasFinding, involving };
}
