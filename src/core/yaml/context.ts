import {
  createDiagnostic,
  type Diagnostic,
  type Fix,
  type Severity,
  type Span,
} from '../diagnostics.ts';

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
  diagnostics: Diagnostic[];
}

/** A fresh context for one file. */
export function createYamlContext(text: string, file: string, prefix: string): YamlContext {
  return { text, file, prefix, diagnostics: [] };
}

/** Adds a `<prefix>/<kind>` diagnostic at `[start, end)` of the context's file. */
export function report(
  ctx: YamlContext,
  kind: string,
  severity: Severity,
  message: string,
  at: { start: number; end: number },
  fixes: Fix[] = [],
): void {
  const span = spanAt(ctx, at.start, at.end);
  ctx.diagnostics.push(
    createDiagnostic(`${ctx.prefix}/${kind}`, severity, message, span, { fixes }),
  );
}

/** A span of the context's file, clamped to its text. */
export function spanAt(ctx: YamlContext, start: number, end: number): Span {
  const s = clamp(start, ctx.text.length);
  return { file: ctx.file, start: s, end: Math.max(s, clamp(end, ctx.text.length)) };
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(Number.isFinite(n) ? n : 0, max));
}
