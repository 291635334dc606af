import { toLineColumn } from '../../../src/core/diagnostics.ts';
import type { Diagnostic } from '../../../src/core/diagnostics.ts';

/** `code@line:column` of each diagnostic, the form tests compare. */
export function located(text: string, diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    const { line, column } = toLineColumn(text, d.span.start);
    return `${d.code}@${line}:${column}`;
  });
}

/** A deep copy of `value` without any `span` field, to compare specs ignoring positions. */
export function withoutSpans<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'span' ? undefined : v)));
}
