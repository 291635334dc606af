/**
 * Checks of a component against the image it is used in. Metadata is written once and reused
 * across images, so names the image does not contain are warnings, not errors.
 */
import { createDiagnostic } from '../diagnostics.ts';
import type { Diagnostic, Fix, Span } from '../diagnostics.ts';
import type { ComponentSpec } from './component-spec.ts';
import { severityOf } from './meta-diagnostics.ts';
import type { MetaCode } from './meta-diagnostics.ts';
import { suggest } from './near-miss.ts';

/** Replaces the leading `name` of an item's span with a near-miss component of the image. */
function renameFix(span: Span, name: string, known: readonly string[]): Fix[] {
  const near = suggest(name, known);
  if (!near) return [];
  const edit = { file: span.file, start: span.start, end: span.start + name.length, text: near };
  return [{ title: `Change to '${near}'`, edits: [edit] }];
}

function warn(code: MetaCode, message: string, span: Span, fixes: Fix[]): Diagnostic {
  return createDiagnostic(code, severityOf(code), message, span, { fixes });
}

/**
 * Warns about `[Call] lib::...` and `[Requires] who(...)` naming components that are not in
 * `componentNames` (the image's libraries; the component itself always counts as present).
 * Fixes assume the spans came from `parseComponent`, where each item starts with the name.
 */
export function checkComponentAgainstImage(
  spec: ComponentSpec,
  componentNames: readonly string[],
): Diagnostic[] {
  const known = new Set([...componentNames, spec.name]);
  const out: Diagnostic[] = [];
  for (const call of spec.calls ?? []) {
    if (call.kind !== 'lib' || known.has(call.lib)) continue;
    const message = `[Call] names '${call.lib}', which this image does not contain`;
    const fixes = renameFix(call.span, call.lib, componentNames);
    out.push(warn('meta/unknown-component-call', message, call.span, fixes));
  }
  for (const r of spec.requires ?? []) {
    if (r.who === '*' || known.has(r.who)) continue;
    const message = `[Requires] names '${r.who}', which this image does not contain`;
    out.push(
      warn('meta/unknown-requires-who', message, r.span, renameFix(r.span, r.who, componentNames)),
    );
  }
  return out;
}
