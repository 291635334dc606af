import { toLineColumn, type Diagnostic } from '../core/diagnostics.ts';
import type { Workspace } from '../core/workspace/workspace.ts';

/**
 * `dir/file` as the user typed `dir`, so paths read and printed are the ones they would type
 * from where they ran the command (`.` and `''` stand for no directory).
 */
export function joinPath(dir: string, file: string): string {
  if (dir === '' || dir === '.') return file;
  return dir.endsWith('/') ? dir + file : `${dir}/${file}`;
}

/** `path:line:col: severity code: message`, with the position computed in `text`. */
export function formatDiagnosticAt(path: string, text: string, d: Diagnostic): string {
  const { line, column } = toLineColumn(text, d.span.start);
  return `${path}:${line}:${column}: ${d.severity} ${d.code}: ${d.message}`;
}

function position(ws: Workspace, file: string, offset: number): { line: number; column: number } {
  return toLineColumn(ws.files[file] ?? '', offset);
}

/** A workspace diagnostic in the format editors and CI annotate from. */
export function formatDiagnostic(ws: Workspace, dir: string, d: Diagnostic): string {
  return formatDiagnosticAt(joinPath(dir, d.span.file), ws.files[d.span.file] ?? '', d);
}

/** The `--json` form of a diagnostic: positions 1-based, fixes as line/column edits. */
export function diagnosticToJson(ws: Workspace, dir: string, d: Diagnostic) {
  const { line, column } = position(ws, d.span.file, d.span.start);
  const end = position(ws, d.span.file, d.span.end);
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: joinPath(dir, d.span.file),
    line,
    column,
    endLine: end.line,
    endColumn: end.column,
    fixes: (d.fixes ?? []).map((f) => ({
      title: f.title,
      edits: f.edits.map((e) => {
        const s = position(ws, e.file, e.start);
        const t = position(ws, e.file, e.end);
        return {
          file: joinPath(dir, e.file),
          line: s.line,
          column: s.column,
          endLine: t.line,
          endColumn: t.column,
          text: e.text,
        };
      }),
    })),
  };
}

/** "2 errors, 1 warning" */
export function countSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
