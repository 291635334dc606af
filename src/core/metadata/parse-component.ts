/**
 * `*.flexos` text -> `ComponentSpec`, collecting every problem as a Diagnostic.
 */
import { compareDiagnostics } from '../diagnostics.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { ComponentSpec } from './component-spec.ts';
import { parseSectionItems } from './items.ts';
import type { Builder } from './item-builder.ts';
import { capMetaDiagnostics, report } from './meta-diagnostics.ts';
import type { ParseContext } from './meta-diagnostics.ts';
import { parseOutline } from './parse-sections.ts';

/** The result of parsing one `.flexos` file. */
export interface ParsedComponent {
  /**
   * The component as far as it could be read: malformed items are left out, a malformed name
   * is kept as written (`''` when missing). `null` only when the file has no header at all.
   */
  spec: ComponentSpec | null;
  /**
   * Every problem found, ordered by position; past 200, the rest are counted into one
   * `meta/too-many-problems` at the first left out.
   */
  diagnostics: Diagnostic[];
}

/**
 * Parses the one component described by `text`. Never throws: syntax errors, unknown
 * sections and malformed items are diagnostics with the span of the offending token, and
 * reading goes on after each of them.
 *
 * @param file workspace-relative path, copied into every span
 */
export function parseComponent(text: string, file: string): ParsedComponent {
  const ctx: ParseContext = { text, file, diagnostics: [] };
  const outline = parseOutline(ctx);
  const { header } = outline;
  const nameToken = header?.name ?? header?.keyword;
  const spec: ComponentSpec = {
    name: header?.name?.text ?? '',
    doc: outline.doc,
    memory: null,
    calls: null,
    api: [],
    requires: null,
    hardening: null,
    span: { file, start: nameToken?.start ?? 0, end: nameToken?.end ?? 0 },
  };
  const builder: Builder = { ctx, spec, seen: new Set() };
  for (const section of outline.sections) parseSectionItems(builder, section);
  if (!header) {
    report(ctx, 'meta/missing-header', "Expected a header 'component <name>'", 0, 0);
  } else {
    // Absent sections mean "anything", as for a library without metadata; say so where the
    // component is named, unless a misspelled section header was already reported.
    const { start, end } = spec.span;
    if (!spec.memory && !outline.misspelled.has('Memory access')) {
      const message = 'No [Memory access] section: assuming Read(*); Write(*)';
      report(ctx, 'meta/missing-memory-access', message, start, end);
    }
    if (!spec.calls && !outline.misspelled.has('Call')) {
      const message = 'No [Call] section: assuming [Call] * (write an empty [Call] for none)';
      report(ctx, 'meta/missing-call', message, start, end);
    }
  }
  ctx.diagnostics.sort(compareDiagnostics);
  return { spec: header ? spec : null, diagnostics: capMetaDiagnostics(ctx.diagnostics) };
}
