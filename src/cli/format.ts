import { toLineColumn, type Diagnostic } from '../core/diagnostics.ts';
import type { CliWorkspace } from './load-workspace.ts';

/**
 * `dir/file` as the user typed `dir`, so paths read and printed are the ones they would type
 * from where they ran the command (`.` and `''` stand for no directory).
 */
export function joinPath(dir: string, file: string): string {
  if (dir === '' || dir === '.') return file;
  return dir.endsWith('/') ? dir + file : `${dir}/${file}`;
}

/**
 * `path:line:col: severity code: message`, with the position computed in `text`. Control
 * characters in the path (a directory named with a newline) are escaped, so one diagnostic
 * stays one line that editors and CI can parse.
 */
export function formatDiagnosticAt(path: string, text: string, d: Diagnostic): string {
  const { line, column } = toLineColumn(text, d.span.start);
  return `${escapeControls(path)}:${line}:${column}: ${d.severity} ${d.code}: ${escapeControls(d.message)}`;
}

export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

function position(
  loaded: CliWorkspace,
  file: string,
  offset: number,
): { line: number; column: number } {
  return toLineColumn(loaded.ws.files[file] ?? '', offset);
}

/** The path a workspace file prints as (the one typed for files given by a flag). */
export function printedPath(loaded: CliWorkspace, file: string): string {
  return loaded.paths.get(file) ?? joinPath(loaded.dir, file);
}

/** A workspace diagnostic in the format editors and CI annotate from. */
export function formatDiagnostic(loaded: CliWorkspace, d: Diagnostic): string {
  return formatDiagnosticAt(
    printedPath(loaded, d.span.file),
    loaded.ws.files[d.span.file] ?? '',
    d,
  );
}

/** The `--json` form of a diagnostic: positions 1-based, fixes as line/column edits. */
export function diagnosticToJson(loaded: CliWorkspace, d: Diagnostic) {
  const { line, column } = position(loaded, d.span.file, d.span.start);
  const end = position(loaded, d.span.file, d.span.end);
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: printedPath(loaded, d.span.file),
    line,
    column,
    endLine: end.line,
    endColumn: end.column,
    fixes: (d.fixes ?? []).map((f) => ({
      title: f.title,
      edits: f.edits.map((e) => {
        const s = position(loaded, e.file, e.start);
        const t = position(loaded, e.file, e.end);
        return {
          file: printedPath(loaded, e.file),
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
