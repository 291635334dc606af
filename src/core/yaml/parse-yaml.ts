import { isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { report, type YamlContext } from './context.ts';
import { findTooDeep, MAX_INDENT, MAX_NESTING } from './nesting-guard.ts';
import { findUnclosed, unclosedKind, type UnclosedOpeners } from './unclosed.ts';

/**
 * Parses the context's text keeping node ranges. Every error and warning of the `yaml` package
 * becomes a `<prefix>/yaml-syntax` diagnostic at its position; the composer still returns what
 * it could, so the caller reads on and reports more than the first problem.
 *
 * Every file of a workspace goes through here, so here is where hostile text is stopped:
 * - nesting deeper than `MAX_NESTING` is one `<prefix>/too-deep` and an empty document (the
 *   composer would overflow the stack); the context is marked unreadable;
 * - duplicate keys are found with one set per map, not by the `yaml` package, whose check
 *   compares every key with every earlier one (40,000 keys: 30 s);
 * - an unclosed `[`, `{` or quote is reported where it opens, not where the parser noticed
 *   (the next line that could not belong to it, or the end of the file).
 */
export function parseYaml(ctx: YamlContext): Document.Parsed {
  const deep = findTooDeep(ctx.text);
  if (deep !== undefined) {
    const message = `The file nests deeper than ${MAX_NESTING} levels, or is indented more than ${MAX_INDENT} columns, here; it cannot be read.`;
    report(ctx, 'too-deep', 'error', message, { start: deep, end: deep + 1 });
    ctx.unreadable = true;
    return parseDocument('', { prettyErrors: false });
  }
  const doc = parseDocument(ctx.text, { prettyErrors: false, uniqueKeys: false });
  const all = [
    ...doc.errors.map((e) => ({ e, severity: 'error' as const })),
    ...doc.warnings.map((e) => ({ e, severity: 'warning' as const })),
  ];
  let unclosed: UnclosedOpeners | undefined;
  for (const { e, severity } of all) {
    const kind = unclosedKind(e.message);
    const opener = kind ? (unclosed ??= findUnclosed(ctx.text)).take(kind, e.pos[0]) : undefined;
    if (opener) report(ctx, 'yaml-syntax', severity, opener.message, opener);
    else report(ctx, 'yaml-syntax', severity, e.message, { start: e.pos[0], end: e.pos[1] });
  }
  reportDuplicateKeys(ctx, doc.contents);
  return doc;
}

/**
 * `<prefix>/yaml-syntax` at every key that repeats an earlier key of its map, as the `yaml`
 * package's own check would (scalar keys with the same value), in linear time.
 */
function reportDuplicateKeys(ctx: YamlContext, root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (seen.has(key.value) && key.range) {
            const [start, end] = key.range;
            report(ctx, 'yaml-syntax', 'error', 'Map keys must be unique', { start, end });
          } else seen.add(key.value);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
}
