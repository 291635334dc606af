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

/** Offsets to positions of one text, for showing many diagnostics of the same file. */
export interface LineIndex {
  /** 1-based line and column (in UTF-16 code units) of `offset`, clamped to the text. */
  toLineColumn(offset: number): { line: number; column: number };
}

/**
 * Indexes the line starts of `text` once (O(length)); each position is then a binary search.
 * Showing N diagnostics of a file this way costs O(length + N log lines), where calling
 * `toLineColumn` with unrelated texts costs O(N × length).
 */
export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    toLineColumn(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      // The last line start at or before `clamped`.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] as number) <= clamped) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: clamped - (starts[lo] as number) + 1 };
    },
  };
}

/**
 * The index of the text asked about last: callers (the CLI's printer, editor markers, the
 * Problems panel) ask for many positions of one file in a row, and this keeps each call from
 * rescanning the text. Comparing with the cached text is O(1) when it is the same string.
 */
let lastIndexed: { text: string; index: LineIndex } | undefined;

/** 1-based line and column (in UTF-16 code units) of `offset` in `text`. */
export function toLineColumn(text: string, offset: number): { line: number; column: number } {
  if (lastIndexed?.text !== text) lastIndexed = { text, index: createLineIndex(text) };
  return lastIndexed.index.toLineColumn(offset);
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

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * The first `max` of `diagnostics` (in the order given) and, when there are more, one summary
 * `code` at the first one left out, counting the rest: a file of 40,000 bad lines would
 * otherwise give an editor, a worker message and a terminal 40,000 entries. The summary is as
 * severe as the worst one left out, so an error past the cap still makes the file count as
 * broken (`hasErrors`). The YAML files use the same cap of 200 (`core/yaml/context.ts`).
 */
export function capDiagnostics(
  diagnostics: readonly Diagnostic[],
  code: string,
  max = 200,
): Diagnostic[] {
  if (diagnostics.length <= max) return [...diagnostics];
  const first = diagnostics[max] as Diagnostic;
  let worst: Severity = 'info';
  for (let i = max; i < diagnostics.length; i++) {
    const { severity } = diagnostics[i] as Diagnostic;
    if (SEVERITY_RANK[severity] > SEVERITY_RANK[worst]) worst = severity;
  }
  const count = diagnostics.length - max;
  const message = `${count} more problem${count === 1 ? '' : 's'} in this file ${count === 1 ? 'is' : 'are'} not listed; fix the first ${max} and check again.`;
  return [...diagnostics.slice(0, max), createDiagnostic(code, worst, message, first.span)];
}
