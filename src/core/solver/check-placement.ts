import type { ConfigChange } from '../config/config-change.ts';
import { createDiagnostic, type Diagnostic, type RelatedInformation } from '../diagnostics.ts';
import type { ImageConfig } from '../config/image-config.ts';
import type { ComponentSpec } from '../metadata/component-spec.ts';
import { createFixFinder } from './fixes.ts';
import { checkLimits } from './limits.ts';
import type { ViolationRule } from './pair-rules.ts';
import { createPlacement, specMap, type Placement } from './placement.ts';
import { librarySpan, violationMessage, violationRelated } from './violation-report.ts';

/** A co-location (or call) the target's `[Requires]` does not allow, with its fixes. */
export interface Violation {
  rule: ViolationRule;
  /** The component doing what is not allowed. */
  actor: string;
  /** The component whose `[Requires]` is broken. */
  target: string;
  /** For `call`: functions reached without a grant, sorted; `['*']` means any function. */
  functions?: string[];
  message: string;
  /** Changes that each remove this violation, those adding no other violation first. */
  fixes: ConfigChange[];
}

export interface PlacementCheck {
  violations: Violation[];
  /**
   * `solver/violation-<rule>` (error, one per violation, no text fixes: `config/` turns
   * `Violation.fixes` into edits), `solver/call-not-in-api` (warning: a named call outside a
   * declared `[API]` across a gate), `solver/missing-component`
   * (warning), `solver/hardening-not-allowed` (error), `solver/limit-exceeded` (error).
   */
  diagnostics: Diagnostic[];
}

export interface PlacementOptions {
  /**
   * Search the changes that remove each violation (`Violation.fixes`); on by default. Off,
   * every violation has `fixes: []`, and the check costs only the pairs it reports.
   */
  fixes?: boolean;
}

/**
 * Checks an image against its components' metadata (docs/semantics.md; the rules are
 * in `checkPair`). Every component given is taken to be part of the image; a listed library
 * without metadata is plain C (`Read(*); Write(*)`, `[Call] *`) with no requirements. A
 * shared-memory violation is found in every placement and comes with no fix. The pairs are
 * evaluated by behaviour class (`pair-index.ts`), so 10,000 libraries cost about as much as
 * their metadata and the violations found, not 10⁸ pair checks.
 */
export function checkPlacement(
  config: ImageConfig,
  components: readonly ComponentSpec[],
  options: PlacementOptions = {},
): PlacementCheck {
  const p = createPlacement(config, specMap(components));
  const records = p.pairs.records();
  const fixesOf = options.fixes === false ? () => [] : createFixFinder(p, records);
  const violations: Violation[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { actor: a, target: t, findings, notInApi } of records) {
    const actor = p.libs[a] as string;
    const target = p.libs[t] as string;
    for (const f of findings) {
      const view = p.target.get(target);
      const message = violationMessage(f, view?.requires ?? null, (view?.api.length ?? 0) > 0);
      violations.push({ ...f, message, fixes: fixesOf(f) });
      diagnostics.push(
        createDiagnostic(
          `solver/violation-${f.rule}`,
          'error',
          message,
          librarySpan(p, actor, target),
          {
            related: violationRelated(p, f),
          },
        ),
      );
    }
    if (notInApi.length > 0) diagnostics.push(notInApiDiagnostic(p, actor, target, notInApi));
  }
  for (const d of missingComponents(p)) diagnostics.push(d);
  for (const d of hardeningNotAllowed(p)) diagnostics.push(d);
  for (const d of checkLimits(config)) diagnostics.push(d);
  return { violations, diagnostics };
}

/**
 * Whether `checkPlacement` would find no violation (`violations.length === 0`), decided
 * without building a violation, a message or a fix, and stopping at the first finding: the
 * validity test of a design space's `requires: true` filter. Other errors of the image
 * (`solver/hardening-not-allowed`, `solver/limit-exceeded`) are not violations: check them
 * with `checkLimits` and the components' `[Hardening]`.
 */
export function isPlacementValid(
  config: ImageConfig,
  components: readonly ComponentSpec[],
): boolean {
  return !createPlacement(config, specMap(components)).pairs.hasFinding();
}

function notInApiDiagnostic(
  p: Placement,
  actor: string,
  target: string,
  fns: string[],
): Diagnostic {
  const related: RelatedInformation[] = [];
  for (const c of p.behaviour.get(actor)?.calls ?? [])
    if (c.span && c.lib === target && fns.includes(c.fn))
      related.push({ span: c.span, message: `${actor} calls ${target}::${c.fn}` });
  const names = fns.map((f) => `${target}::${f}`).join(', ');
  return createDiagnostic(
    'solver/call-not-in-api',
    'warning',
    `${actor} calls ${names} across a gate, but ${fns.length > 1 ? 'they are' : 'it is'} not in ${target}'s [API]: the gate cannot reach ${fns.length > 1 ? 'them' : 'it'}`,
    librarySpan(p, actor, target),
    { related },
  );
}

function missingComponents(p: Placement): Diagnostic[] {
  return p.config.libraries
    .filter((l) => !p.specs.has(l.name))
    .map((l) =>
      createDiagnostic(
        'solver/missing-component',
        'warning',
        `${l.name} has no metadata: it is treated as plain C (Read(*); Write(*); [Call] *) with no requirements`,
        librarySpan(p, l.name),
      ),
    );
}

function hardeningNotAllowed(p: Placement): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const lib of p.libs) {
    const spec = p.specs.get(lib);
    if (!spec?.hardening) continue;
    const entry = p.entries.get(lib);
    const name = p.compartment.get(lib);
    const comp = name === undefined ? undefined : p.compartments.get(name);
    for (const h of p.hardening.get(lib) ?? []) {
      if (spec.hardening.includes(h)) continue;
      const own = entry?.hardening.includes(h) ?? false;
      const span = (own ? entry?.span : comp?.span) ?? librarySpan(p, lib);
      const allowed = spec.hardening.length > 0 ? spec.hardening.join(', ') : 'none';
      out.push(
        createDiagnostic(
          'solver/hardening-not-allowed',
          'error',
          `${lib} cannot be hardened with ${h}${own ? '' : ` (from compartment ${comp?.name ?? '?'})`}: its [Hardening] allows ${allowed}`,
          span,
          { related: [{ span: spec.span, message: `${lib}'s metadata` }] },
        ),
      );
    }
  }
  return out;
}
