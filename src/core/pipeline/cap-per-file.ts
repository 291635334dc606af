import { capDiagnostics, compareDiagnostics, type Diagnostic } from '../diagnostics.ts';

/**
 * Most diagnostics any one file shows. Each parser caps its own file at 200 with its own
 * summary code; this backstop covers what is reported about a file from outside its parser
 * (rewrite, solver, gate checks), so no file floods the Problems panel, the editor or a terminal.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 250;

/** Sorts `diagnostics` and keeps at most `MAX_DIAGNOSTICS_PER_FILE` of each file. */
export function sortAndCapPerFile(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const out: Diagnostic[] = [];
  let start = 0;
  while (start < sorted.length) {
    const file = (sorted[start] as Diagnostic).span.file;
    let end = start;
    while (end < sorted.length && (sorted[end] as Diagnostic).span.file === file) end++;
    const group = sorted.slice(start, end);
    out.push(
      ...(group.length > MAX_DIAGNOSTICS_PER_FILE
        ? capDiagnostics(group, 'workspace/too-many-problems', MAX_DIAGNOSTICS_PER_FILE)
        : group),
    );
    start = end;
  }
  return out;
}
