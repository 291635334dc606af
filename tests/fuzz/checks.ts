/**
 * What a diagnostic must be, whatever the input: a code that src/core declares, a severity,
 * a span inside its file (or at 0 of a file the workspace lacks), related spans likewise, and
 * fixes whose edits stay inside their files and do not overlap (`applyEdits` needs that).
 */
import type { Diagnostic, Span, TextEdit } from '../../src/core/diagnostics.ts';
import type { KnownCodes } from './sources.ts';

export interface Problem {
  type: 'unknown-code' | 'bad-span' | 'bad-fix';
  message: string;
  /** The file a bad span names. */
  where?: string;
}

/** Why `span` is not a valid span of `files`, or null. */
export function spanProblem(span: Span, files: Record<string, string>): string | null {
  if (!span || typeof span.file !== 'string') return 'no span';
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `non-integer span ${start}-${end}`;
  const text = files[span.file];
  if (text === undefined)
    return start === 0 && end === 0 ? null : `span ${start}-${end} of a file not in the workspace`;
  if (start < 0 || start > end || end > text.length)
    return `span ${start}-${end} outside 0-${text.length}`;
  return null;
}

/** Why `edits` cannot be applied to `files`, or null. */
export function editsProblem(
  edits: readonly TextEdit[],
  files: Record<string, string>,
): string | null {
  const byFile = new Map<string, TextEdit[]>();
  for (const e of edits) {
    if (files[e.file] === undefined) return `edit of ${e.file}, a file not in the workspace`;
    const p = spanProblem(e, files);
    if (p) return `edit ${p}`;
    byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  }
  for (const list of byFile.values()) {
    const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1] as TextEdit;
      const cur = sorted[i] as TextEdit;
      if (cur.start < prev.end)
        return `overlapping edits ${prev.start}-${prev.end} and ${cur.start}-${cur.end}`;
    }
  }
  return null;
}

export function diagnosticProblems(
  list: readonly Diagnostic[],
  files: Record<string, string>,
  known: KnownCodes,
): Problem[] {
  const out: Problem[] = [];
  for (const d of list) {
    if (typeof d.code !== 'string' || !known.has(d.code))
      out.push({ type: 'unknown-code', message: `undeclared diagnostic code ${String(d.code)}` });
    if (!['error', 'warning', 'info'].includes(d.severity))
      out.push({
        type: 'unknown-code',
        message: `${d.code}: bad severity '${String(d.severity)}'`,
      });
    const p = spanProblem(d.span, files);
    if (p) out.push({ type: 'bad-span', message: `${d.code}: ${p}`, where: d.span?.file });
    for (const r of d.related ?? []) {
      const rp = spanProblem(r.span, files);
      if (rp)
        out.push({ type: 'bad-span', message: `${d.code} (related): ${rp}`, where: r.span?.file });
    }
    for (const fix of d.fixes ?? []) {
      const fp = editsProblem(fix.edits, files);
      if (fp) out.push({ type: 'bad-fix', message: `${d.code} fix '${fix.title}': ${fp}` });
    }
  }
  return out;
}
