/**
 * Diagnostics are how every expected failure travels: as data with a stable code and a span,
 * never as an exception (docs/architecture.md, "Floors").
 */

export type Severity = 'error' | 'warning' | 'info';

/** A range of one file in UTF-16 code units, the unit of JavaScript strings and Monaco. */
export interface Span {
  /** Workspace-relative path, e.g. `config.yaml` or `components/sched.flexos`. */
  file: string;
  /** Offset of the first code unit. */
  start: number;
  /** Offset one past the last code unit; `start === end` marks a position. */
  end: number;
}

/** Replace `[start, end)` of `file` with `text`. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  text: string;
}

/** One way to make a diagnostic go away, as edits a user can review before applying. */
export interface Fix {
  /** Imperative, shown in a quick-fix menu: "Move netstack to compartment comp2". */
  title: string;
  edits: TextEdit[];
}

export interface RelatedInformation {
  span: Span;
  message: string;
}

export interface Diagnostic {
  /** Stable kebab-case code prefixed by its area: `config/unknown-compartment`. */
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes?: Fix[];
  related?: RelatedInformation[];
}

/** Builds a diagnostic; `fixes`/`related` are left out when empty so results stay small. */
export function createDiagnostic(
  code: string,
  severity: Severity,
  message: string,
  span: Span,
  extra: { fixes?: Fix[]; related?: RelatedInformation[] } = {},
): Diagnostic {
  const d: Diagnostic = { code, severity, message, span };
  if (extra.fixes && extra.fixes.length > 0) d.fixes = extra.fixes;
  if (extra.related && extra.related.length > 0) d.related = extra.related;
  return d;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** 1-based line and column (in UTF-16 code units) of `offset` in `text`. */
export function toLineColumn(text: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: clamped - lineStart + 1 };
}

/** Offset of 1-based `line`/`column`; the inverse of `toLineColumn` for positions in range. */
export function toOffset(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(offset + column - 1, text.length);
}

/**
 * Applies edits of one file. Edits must not overlap; they are applied from the end so earlier
 * offsets stay valid.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Orders diagnostics by file, then position, then code, for stable output. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.span.file !== b.span.file) return a.span.file < b.span.file ? -1 : 1;
  return (
    a.span.start - b.span.start ||
    a.span.end - b.span.end ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/**
 * One edit turning `before` into `after`, covering only the part between their common prefix
 * and suffix: an editor applying it keeps the cursor and undo history outside that part.
 */
export function minimalEdit(file: string, before: string, after: string): TextEdit {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (
    s < before.length - p &&
    s < after.length - p &&
    before[before.length - 1 - s] === after[after.length - 1 - s]
  )
    s++;
  return { file, start: p, end: before.length - s, text: after.slice(p, after.length - s) };
}
