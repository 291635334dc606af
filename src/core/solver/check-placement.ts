import type { ConfigChange } from '../config/config-change.ts';
import { createDiagnostic, type Diagnostic, type RelatedInformation } from '../diagnostics.ts';
import type { ImageConfig } from '../config/image-config.ts';
import type { ComponentSpec } from '../metadata/component-spec.ts';
import { createFixFinder } from './fixes.ts';
import { checkLimits } from './limits.ts';
import type { ViolationRule } from './pair-rules.ts';
import { checkPairIn, createPlacement, specMap, type Placement } from './placement.ts';
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

/**
 * Checks an image against its components' metadata (docs/semantics.md; the rules are
 * in `checkPair`). Every component given is taken to be part of the image; a listed library
 * without metadata is plain C (`Read(*); Write(*)`, `[Call] *`) with no requirements. A
 * shared-memory violation is found in every placement and comes with no fix.
 */
export function checkPlacement(
  config: ImageConfig,
  components: readonly ComponentSpec[],
): PlacementCheck {
  const p = createPlacement(config, specMap(components));
  const fixesOf = createFixFinder(p);
  const violations: Violation[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const actor of p.libs) {
    for (const target of p.libs) {
      const { findings, notInApi } = checkPairIn(p, actor, target);
      for (const f of findings) {
        const t = p.target.get(target);
        const message = violationMessage(f, t?.requires ?? null, (t?.api.length ?? 0) > 0);
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
  }
  diagnostics.push(...missingComponents(p), ...hardeningNotAllowed(p), ...checkLimits(config));
  return { violations, diagnostics };
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
    const entry = p.config.libraries.find((l) => l.name === lib);
    const comp = p.config.compartments.find((c) => c.name === p.compartment.get(lib));
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
