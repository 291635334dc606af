import {
  createDiagnostic,
  type Diagnostic,
  type Fix,
  type Severity,
  type Span,
} from '../diagnostics.ts';

/**
 * Most diagnostics one file gets. Past this many, the rest are counted into one
 * `<prefix>/too-many-problems` summary: a file of 40,000 unknown keys would otherwise give an
 * editor, a worker message and a terminal 40,000 entries that say the same thing.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 200;

/**
 * What a parser carries while it walks the YAML of one file: diagnostics under one code
 * prefix (`config/`, `space/`, `workload/`) at UTF-16 offsets, collected rather than thrown.
 */
export interface YamlContext {
  text: string;
  /** Workspace-relative path every span names. */
  file: string;
  /** `config`, `space` or `workload`: every code this layer reports is `<prefix>/<kind>`. */
  prefix: string;
  /** At most `MAX_DIAGNOSTICS_PER_FILE`, then one `<prefix>/too-many-problems` summary. */
  diagnostics: Diagnostic[];
  /**
   * Set when the text cannot be read at all (nested too deep to parse): its one diagnostic is
   * already reported, and every later report is dropped, since whatever a reader says about
   * the empty document it got (no root map, no required key) would only restate it.
   */
  unreadable: boolean;
  /** Where the summary of the diagnostics past the cap is, and how many it counts. */
  overflow?: { index: number; count: number };
}

/** A fresh context for one file. */
export function createYamlContext(text: string, file: string, prefix: string): YamlContext {
  return { text, file, prefix, diagnostics: [], unreadable: false };
}

/**
 * Adds a `<prefix>/<kind>` diagnostic at `[start, end)` of the context's file. `fixes` may be
 * a function: it is called only for a diagnostic that is kept (computing fixes, say the
 * nearest known key, is most of the cost of a diagnostic).
 */
export function report(
  ctx: YamlContext,
  kind: string,
  severity: Severity,
  message: string,
  at: { start: number; end: number },
  fixes: Fix[] | (() => Fix[]) = [],
): void {
  const span = spanAt(ctx, at.start, at.end);
  if (ctx.unreadable) return;
  if (ctx.diagnostics.length >= MAX_DIAGNOSTICS_PER_FILE || ctx.overflow) {
    countDropped(ctx, severity, span);
    return;
  }
  const list = typeof fixes === 'function' ? fixes() : fixes;
  ctx.diagnostics.push(
    createDiagnostic(`${ctx.prefix}/${kind}`, severity, message, span, { fixes: list }),
  );
}

/**
 * Adds a diagnostic made elsewhere (a format-independent check of the same file) under the
 * same cap as `report`, so a file never gets more than one summary's worth of entries.
 */
export function addDiagnostic(ctx: YamlContext, d: Diagnostic): void {
  if (ctx.unreadable) return;
  if (ctx.diagnostics.length >= MAX_DIAGNOSTICS_PER_FILE || ctx.overflow) {
    countDropped(ctx, d.severity, d.span);
    return;
  }
  ctx.diagnostics.push(d);
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * Counts one diagnostic past the cap into the summary, which sits where the first dropped one
 * would have and is as severe as the worst dropped one: an error past the cap must still make
 * the file count as broken (`hasErrors`), or a convert or a build would go ahead.
 */
function countDropped(ctx: YamlContext, severity: Severity, span: Span): void {
  const previous = ctx.overflow ? ctx.diagnostics[ctx.overflow.index] : undefined;
  const count = (ctx.overflow?.count ?? 0) + 1;
  const worst =
    previous && RANK[previous.severity] >= RANK[severity] ? previous.severity : severity;
  const message = `${count} more problem${count === 1 ? '' : 's'} in this file ${count === 1 ? 'is' : 'are'} not listed; fix the first ${MAX_DIAGNOSTICS_PER_FILE} and check again.`;
  const summary = createDiagnostic(
    `${ctx.prefix}/too-many-problems`,
    worst,
    message,
    previous?.span ?? span,
  );
  if (ctx.overflow) {
    ctx.diagnostics[ctx.overflow.index] = summary;
    ctx.overflow.count = count;
  } else {
    ctx.overflow = { index: ctx.diagnostics.length, count };
    ctx.diagnostics.push(summary);
  }
}

/** A span of the context's file, clamped to its text. */
export function spanAt(ctx: YamlContext, start: number, end: number): Span {
  const s = clamp(start, ctx.text.length);
  return { file: ctx.file, start: s, end: Math.max(s, clamp(end, ctx.text.length)) };
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(Number.isFinite(n) ? n : 0, max));
}
