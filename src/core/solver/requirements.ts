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
  if (target.requires === null) return true;
  return requirementsFor(target.requires, actor, action).some(
    (r) => r.object === '*' || r.object === region || (region === 'Shared' && r.object === 'Own'),
  );
}

/**
 * Whether `target` lets `actor` call function `fn`; `fn` `'*'` asks for every function of the
 * target, which only a `(Call,*)` grant gives.
 */
export function grantsCall(target: TargetView, actor: string, fn: string): boolean {
  if (target.requires === null) return true;
  return requirementsFor(target.requires, actor, 'Call').some(
    (r) => r.object === '*' || (fn !== '*' && r.object === fn),
  );
}
