import { parseDocument, type Document } from 'yaml';
import { report, type YamlContext } from './context.ts';

/**
 * Parses the context's text keeping node ranges. Every error and warning of the `yaml` package
 * becomes a `<prefix>/yaml-syntax` diagnostic at its position; the composer still returns what
 * it could, so the caller reads on and reports more than the first problem.
 */
export function parseYaml(ctx: YamlContext): Document.Parsed {
  const doc = parseDocument(ctx.text, { prettyErrors: false, uniqueKeys: true });
  const all = [
    ...doc.errors.map((e) => ({ e, severity: 'error' as const })),
    ...doc.warnings.map((e) => ({ e, severity: 'warning' as const })),
  ];
  for (const { e, severity } of all) {
    const [start, end] = e.pos;
    report(ctx, 'yaml-syntax', severity, e.message, { start, end });
  }
  return doc;
}
