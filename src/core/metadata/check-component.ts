/**
 * Checks of a component against the image it is used in. Metadata is written once and reused
 * across images, so names the image does not contain are warnings, not errors.
 */
import { createDiagnostic } from '../diagnostics.ts';
import type { Diagnostic, Fix, Span } from '../diagnostics.ts';
import type { ComponentSpec } from './component-spec.ts';
import { MAX_META_DIAGNOSTICS, capMetaDiagnostics, severityOf } from './meta-diagnostics.ts';
import type { MetaCode } from './meta-diagnostics.ts';
import { suggest } from './near-miss.ts';

/**
 * What checking many components against one image shares: its names as a set, and the
 * near miss of each unknown name. The pipeline checks every component against the same
 * array, so building these once per array keeps 10,000 components linear, not quadratic.
 */
interface ImageNames {
  known: ReadonlySet<string>;
  nearMiss: Map<string, string | undefined>;
}

const imageNamesCache = new WeakMap<readonly string[], ImageNames>();

function imageNames(componentNames: readonly string[]): ImageNames {
  let names = imageNamesCache.get(componentNames);
  if (!names) {
    names = { known: new Set(componentNames), nearMiss: new Map() };
    imageNamesCache.set(componentNames, names);
  }
  return names;
}

/** Replaces the leading `name` of an item's span with a near-miss component of the image. */
function renameFix(span: Span, name: string, componentNames: readonly string[]): Fix[] {
  const { nearMiss } = imageNames(componentNames);
  if (!nearMiss.has(name)) nearMiss.set(name, suggest(name, componentNames));
  const near = nearMiss.get(name);
  if (!near) return [];
  const edit = { file: span.file, start: span.start, end: span.start + name.length, text: near };
  return [{ title: `Change to '${near}'`, edits: [edit] }];
}

interface Unknown {
  code: MetaCode;
  message: string;
  span: Span;
  name: string;
}

/**
 * Warns about `[Call] lib::...` and `[Requires] who(...)` naming components that are not in
 * `componentNames` (the image's libraries; the component itself always counts as present).
 * Fixes assume the spans came from `parseComponent`, where each item starts with the name.
 * Past 200 warnings the rest are counted into one `meta/too-many-problems`, and only the
 * warnings listed look for a near miss.
 */
export function checkComponentAgainstImage(
  spec: ComponentSpec,
  componentNames: readonly string[],
): Diagnostic[] {
  const { known } = imageNames(componentNames);
  const isKnown = (name: string): boolean => name === spec.name || known.has(name);
  const found: Unknown[] = [];
  for (const call of spec.calls ?? []) {
    if (call.kind !== 'lib' || isKnown(call.lib)) continue;
    const message = `[Call] names '${call.lib}', which this image does not contain`;
    found.push({ code: 'meta/unknown-component-call', message, span: call.span, name: call.lib });
  }
  for (const r of spec.requires ?? []) {
    if (r.who === '*' || isKnown(r.who)) continue;
    const message = `[Requires] names '${r.who}', which this image does not contain`;
    found.push({ code: 'meta/unknown-requires-who', message, span: r.span, name: r.who });
  }
  // By position, so the warnings listed are the first of the file, as the parser's are.
  found.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const out = found.map(({ code, message, span, name }, i) =>
    createDiagnostic(code, severityOf(code), message, span, {
      fixes: i < MAX_META_DIAGNOSTICS ? renameFix(span, name, componentNames) : [],
    }),
  );
  return capMetaDiagnostics(out);
}
