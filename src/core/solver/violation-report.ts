import type { RelatedInformation, Span } from '../diagnostics.ts';
import type { Action, Requirement } from '../metadata/component-spec.ts';
import { requirementsFor } from './requirements.ts';
import type { PairFinding, ViolationRule } from './pair-rules.ts';
import type { Placement } from './placement.ts';

const ACTION: Record<ViolationRule, Action> = {
  'write-own': 'Write',
  'read-own': 'Read',
  'write-shared': 'Write',
  'read-shared': 'Read',
  call: 'Call',
};

/**
 * One sentence saying what the actor may do that the target (with `requires`, and an `[API]`
 * when `declaresApi`) does not allow.
 */
export function violationMessage(
  f: PairFinding,
  requires: readonly Requirement[] | null,
  declaresApi = true,
): string {
  const { actor, target } = f;
  switch (f.rule) {
    case 'write-own':
    case 'read-own':
      return `${actor} may ${f.rule.slice(0, -4)} ${target}'s private memory, which ${target} does not allow`;
    case 'write-shared':
    case 'read-shared':
      return `${actor} may ${f.rule.slice(0, -7)} memory ${target} shares, which ${target} does not allow (shared memory is open to every compartment, so no placement prevents it)`;
    case 'call': {
      const fns = f.functions ?? [];
      if (fns[0] !== '*')
        return `${actor} may call ${fns.map((fn) => `${target}::${fn}`).join(', ')}, which ${target} does not allow`;
      const allowed = requirementsFor(requires ?? [], actor, 'Call').map((r) => r.object);
      const only = allowed.length > 0 ? `only ${allowed.join(', ')}` : 'no calls';
      const which = declaresApi ? 'not only its API' : `${target} declares no [API]`;
      return `${actor} may call any function of ${target} (${which}), but ${target} allows ${only}`;
    }
  }
}

/**
 * Where a placement problem of `lib` is shown in the config: the library's entry, else its
 * compartment, else the header of `fallback`'s metadata, else the top of the config.
 */
export function librarySpan(p: Placement, lib: string, fallback?: string): Span {
  const entry = p.entries.get(lib);
  if (entry?.span) return entry.span;
  const name = p.compartment.get(lib);
  const comp = name === undefined ? undefined : p.compartments.get(name);
  if (comp?.span) return comp.span;
  const spec = fallback !== undefined ? p.specs.get(fallback) : undefined;
  return spec?.span ?? p.imageSpan;
}

/** The metadata behind a finding: the actor's behaviour and the target's relevant requirements. */
export function violationRelated(p: Placement, f: PairFinding): RelatedInformation[] {
  const related: RelatedInformation[] = [];
  const actorSpec = p.specs.get(f.actor);
  const targetSpec = p.specs.get(f.target);
  const action = ACTION[f.rule];
  if (f.rule === 'call') {
    for (const c of p.behaviour.get(f.actor)?.calls ?? [])
      if (c.span && (c.lib === null || c.lib === f.target))
        related.push({
          span: c.span,
          message: `${f.actor} calls ${c.lib ?? '*'}${c.lib ? `::${c.fn}` : ''}`,
        });
  } else if (actorSpec) {
    related.push({ span: actorSpec.span, message: `${f.actor}'s [Memory access]` });
  }
  const grants = requirementsFor(targetSpec?.requires ?? [], f.actor, action);
  for (const r of grants)
    related.push({ span: r.span, message: `${f.target} allows ${r.who}(${r.action},${r.object})` });
  if (grants.length === 0 && targetSpec)
    related.push({
      span: targetSpec.span,
      message: `${f.target}'s [Requires] allows ${f.actor} no ${action}`,
    });
  return related;
}
