/**
 * The closed set of diagnostic codes of the metadata language and how they are reported.
 */
import { capDiagnostics, createDiagnostic } from '../diagnostics.ts';
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
  'meta/too-many-problems',
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

/**
 * The severity a code is always reported with; `meta/too-many-problems` (the summary past
 * `MAX_META_DIAGNOSTICS`) is the exception: it takes the worst severity it counts.
 */
export function severityOf(code: MetaCode): Severity {
  return WARNINGS.has(code) ? 'warning' : 'error';
}

/**
 * Most diagnostics one `.flexos` file gets from the parser (and, separately, from the checks
 * against an image); the rest are counted into one `meta/too-many-problems`, the same cap as
 * the YAML files.
 */
export const MAX_META_DIAGNOSTICS = 200;

/** The first `MAX_META_DIAGNOSTICS` of `diagnostics`, then one `meta/too-many-problems`. */
export function capMetaDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return capDiagnostics(diagnostics, 'meta/too-many-problems', MAX_META_DIAGNOSTICS);
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
