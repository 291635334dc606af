/**
 * The closed set of diagnostic codes of the metadata language and how they are reported.
 */
import { createDiagnostic } from '../diagnostics.ts';
import type { Diagnostic, Fix, RelatedInformation, Severity } from '../diagnostics.ts';

/** Every code the metadata parser and checker can report. */
export const META_CODES = [
  'meta/missing-header',
  'meta/bad-header',
  'meta/bad-name',
  'meta/duplicate-header',
  'meta/unknown-section',
  'meta/duplicate-section',
  'meta/item-outside-section',
  'meta/bad-item',
  'meta/bad-region',
  'meta/bad-action',
  'meta/bad-object',
  'meta/bad-call',
  'meta/bad-api',
  'meta/unknown-hardening',
  'meta/duplicate-item',
  'meta/missing-memory-access',
  'meta/missing-call',
  'meta/empty-section',
  'meta/unknown-component-call',
  'meta/unknown-requires-who',
] as const;
export type MetaCode = (typeof META_CODES)[number];

/** Codes reported as warnings; every other code is an error. */
const WARNINGS: ReadonlySet<MetaCode> = new Set<MetaCode>([
  'meta/duplicate-item',
  'meta/missing-memory-access',
  'meta/missing-call',
  'meta/empty-section',
  'meta/unknown-component-call',
  'meta/unknown-requires-who',
]);

/** The severity a code is always reported with. */
export function severityOf(code: MetaCode): Severity {
  return WARNINGS.has(code) ? 'warning' : 'error';
}

/** What every parsing step shares: the source and the diagnostics collected so far. */
export interface ParseContext {
  text: string;
  file: string;
  diagnostics: Diagnostic[];
}

/** Records one diagnostic over `[start, end)` of the context's file. */
export function report(
  ctx: ParseContext,
  code: MetaCode,
  message: string,
  start: number,
  end: number,
  extra: { fixes?: Fix[]; related?: RelatedInformation[] } = {},
): void {
  const span = { file: ctx.file, start, end };
  ctx.diagnostics.push(createDiagnostic(code, severityOf(code), message, span, extra));
}

/** A fix that replaces `[start, end)` with `text`. */
export function replaceFix(
  ctx: ParseContext,
  title: string,
  start: number,
  end: number,
  text: string,
): Fix {
  return { title, edits: [{ file: ctx.file, start, end, text }] };
}
