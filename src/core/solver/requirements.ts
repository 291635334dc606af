import type { Action, ComponentSpec, Requirement } from '../metadata/component-spec.ts';

/** What the solver needs of a component seen as the one whose `[Requires]` is checked. */
export interface TargetView {
  name: string;
  /** `null`: accepts anything; `[]`: forbids everything. */
  requires: readonly Requirement[] | null;
  /** Names of its `[API]` entry points. */
  api: readonly string[];
}

/** The target view of a library; without metadata it requires nothing and has no API. */
export function targetOf(name: string, spec: ComponentSpec | undefined): TargetView {
  return { name, requires: spec?.requires ?? null, api: spec?.api.map((f) => f.name) ?? [] };
}

/** Requirements of `action` that apply to `actor` (`who` is `*` or its name). */
export function requirementsFor(
  requires: readonly Requirement[],
  actor: string,
  action: Action,
): Requirement[] {
  return requires.filter((r) => r.action === action && (r.who === '*' || r.who === actor));
}

/** The objects one set of `who` grants, per action. */
interface Grants {
  Read: Set<string>;
  Write: Set<string>;
  Call: Set<string>;
}

/** A `[Requires]` list by `who`: what `*` grants everyone, and what each name adds. */
interface GrantIndex {
  length: number;
  everyone: Grants;
  byWho: Map<string, Grants>;
}

const grantIndexes = new WeakMap<readonly Requirement[], GrantIndex>();

const noGrants = (): Grants => ({ Read: new Set(), Write: new Set(), Call: new Set() });

/**
 * The grants of `requires`, built once per list (checked again if the list grew): every pair
 * check asks the same target, and a `[Requires]` of 6,000 items read per pair made checking
 * an image quadratic in the size of one line.
 */
function grantIndex(requires: readonly Requirement[]): GrantIndex {
  const cached = grantIndexes.get(requires);
  if (cached && cached.length === requires.length) return cached;
  const index: GrantIndex = { length: requires.length, everyone: noGrants(), byWho: new Map() };
  for (const r of requires) {
    let grants = index.everyone;
    if (r.who !== '*') {
      grants = index.byWho.get(r.who) ?? noGrants();
      index.byWho.set(r.who, grants);
    }
    grants[r.action].add(r.object);
  }
  grantIndexes.set(requires, index);
  return index;
}

/** Whether `requires` grants `actor` `action` on `object` (by `*` or by its name). */
function granted(
  requires: readonly Requirement[],
  actor: string,
  action: Action,
  object: string,
): boolean {
  const index = grantIndex(requires);
  return (
    index.everyone[action].has(object) || (index.byWho.get(actor)?.[action].has(object) ?? false)
  );
}

/**
 * Whether `target` lets `actor` read or write one of its regions. Object `*` grants the whole
 * action; a grant on `Own` also grants `Shared`, since private memory is the more sensitive.
 */
export function grantsMemory(
  target: TargetView,
  actor: string,
  action: 'Read' | 'Write',
  region: 'Own' | 'Shared',
): boolean {
  const { requires } = target;
  if (requires === null) return true;
  return (
    granted(requires, actor, action, '*') ||
    granted(requires, actor, action, region) ||
    (region === 'Shared' && granted(requires, actor, action, 'Own'))
  );
}

/**
 * Whether `target` lets `actor` call function `fn`; `fn` `'*'` asks for every function of the
 * target, which only a `(Call,*)` grant gives.
 */
export function grantsCall(target: TargetView, actor: string, fn: string): boolean {
  const { requires } = target;
  if (requires === null) return true;
  return (
    granted(requires, actor, 'Call', '*') || (fn !== '*' && granted(requires, actor, 'Call', fn))
  );
}
