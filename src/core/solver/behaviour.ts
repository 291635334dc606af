import type { Span } from '../diagnostics.ts';
import type { ComponentSpec, Region } from '../metadata/component-spec.ts';
import type { Hardening } from '../model.ts';

/**
 * One thing a component may call: `lib` `null` is `[Call] *` (every component), `fn` `'*'` is
 * every function of `lib`.
 */
export interface CallReach {
  lib: string | null;
  fn: string;
  /** The `[Call]` item it comes from, when written in a `.flexos` file. */
  span?: Span;
}

/** What a component may do once its hardening is applied (docs/semantics.md). */
export interface Behaviour {
  name: string;
  read: Region[];
  write: Region[];
  calls: CallReach[];
  /**
   * Whether control-flow integrity restricts its `*` and `lib::*` calls to the callee's
   * `[API]` entry points.
   */
  cfi: boolean;
}

const REGION_ORDER: readonly Region[] = ['Own', 'Shared', '*'];

/**
 * Regions after hardening: `asan` turns `*` into `Own, Shared`; every other hardening leaves
 * them alone (they protect the component's own integrity).
 */
export function hardenRegions(
  regions: readonly Region[],
  hardening: readonly Hardening[],
): Region[] {
  const set = new Set(regions);
  if (hardening.includes('asan') && set.delete('*')) {
    set.add('Own');
    set.add('Shared');
  }
  return REGION_ORDER.filter((r) => set.has(r));
}

/** The part of `hardening` that `spec`'s `[Hardening]` allows (all of it without the section). */
export function allowedHardening(
  spec: ComponentSpec | undefined,
  hardening: readonly Hardening[],
): Hardening[] {
  const allowed = spec?.hardening;
  return allowed ? hardening.filter((h) => allowed.includes(h)) : [...hardening];
}

/**
 * Behaviour of library `name` with effective `hardening`. Without metadata a library is plain
 * C: `Read(*); Write(*)`, `[Call] *`. An absent `[Memory access]` section is `Read(*); Write(*)`
 * and an absent `[Call]` section is `[Call] *` (its span is the component's header, where the
 * parser warns), so a section left out never claims less than the C may do.
 * Hardening its `[Hardening]` forbids is ignored: it cannot be applied, so it removes no
 * conflict (`checkPlacement` reports it as `solver/hardening-not-allowed`).
 */
export function behaviourOf(
  name: string,
  spec: ComponentSpec | undefined,
  configured: readonly Hardening[],
): Behaviour {
  const hardening = allowedHardening(spec, configured);
  const memory = spec?.memory ?? { read: ['*'], write: ['*'] };
  const calls: CallReach[] = !spec
    ? [{ lib: null, fn: '*' }]
    : !spec.calls
      ? [{ lib: null, fn: '*', span: spec.span }]
      : spec.calls.map((c) =>
          c.kind === 'any'
            ? { lib: null, fn: '*', span: c.span }
            : { lib: c.lib, fn: c.fn, span: c.span },
        );
  return {
    name,
    read: hardenRegions(memory.read, hardening),
    write: hardenRegions(memory.write, hardening),
    calls,
    cfi: hardening.includes('cfi'),
  };
}
