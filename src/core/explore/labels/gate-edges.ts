import { createDiagnostic, type Diagnostic, type Span } from '../../diagnostics.ts';
import type { Workload } from './parse-workload.ts';
import type { Space } from '../space/space.ts';

/** One gate found in the sources: a call site in library `from` into library `to`. */
export interface WorkloadEdgeSite {
  from: string;
  to: string;
  /** Where the placeholder is, for the diagnostic. */
  span?: Span;
}

/**
 * Completes a workload with the edges the sources have and `workload.yaml` does not list
 * (the rewriter's gate table): each such edge gets one call per unit of work per gate site, an
 * assumption the `workload/edge-from-sources` warning states. Edges `workload.yaml` gives keep
 * its numbers (they are per unit of work; site counts are not).
 */
export function completeWorkload(
  workload: Workload,
  sites: readonly WorkloadEdgeSite[],
  space: Space,
  file = 'workload.yaml',
): { workload: Workload; diagnostics: Diagnostic[] } {
  const known = new Set(space.components);
  const listed = new Set(workload.calls.map((e) => `${e.from}->${e.to}`));
  const found = new Map<string, { from: string; to: string; count: number; span?: Span }>();
  for (const s of sites) {
    if (s.from === s.to || !known.has(s.from) || !known.has(s.to)) continue;
    const key = `${s.from}->${s.to}`;
    if (listed.has(key)) continue;
    const entry = found.get(key) ?? {
      from: s.from,
      to: s.to,
      count: 0,
      ...(s.span ? { span: s.span } : {}),
    };
    entry.count++;
    found.set(key, entry);
  }
  const added = [...found.values()].sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1));
  const diagnostics = added.map((e) =>
    createDiagnostic(
      'workload/edge-from-sources',
      'warning',
      `${e.from}->${e.to} is not in workload.yaml; its ${e.count} gate site${e.count === 1 ? '' : 's'} in the sources count as ${e.count} call${e.count === 1 ? '' : 's'} per unit of work.`,
      e.span ?? { file, start: 0, end: 0 },
    ),
  );
  const calls = [
    ...workload.calls,
    ...added.map((e) => ({ from: e.from, to: e.to, calls: e.count, buffers: 1 })),
  ];
  return { workload: { ...workload, calls }, diagnostics };
}
