import { isScalar, type ParsedNode } from 'yaml';
import type { Fix } from '../diagnostics.ts';
import { nearestNames } from '../names/index.ts';
import { report, reportAt, type YamlContext, type YPair } from '../yaml/index.ts';

/** A string value (a number or boolean written plainly is read as written). */
export function readText(ctx: YamlContext, pair: YPair): string | undefined {
  return textOf(ctx, pair.value, pair.key, 'a text');
}

export function textOf(
  ctx: YamlContext,
  node: ParsedNode | null,
  fallback: ParsedNode | null,
  what: string,
): string | undefined {
  if (node && isScalar(node) && node.value !== null && typeof node.value !== 'object')
    return typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
  reportAt(ctx, 'wrong-type', 'error', `Expected ${what}.`, node, fallback);
  return undefined;
}

/** `exercise/bad-value` at a node, with "did you mean" fixes among `candidates`. */
export function reportBadValue(
  ctx: YamlContext,
  node: ParsedNode | null,
  fallback: ParsedNode | null,
  message: string,
  word?: string,
  candidates: readonly string[] = [],
): void {
  const start = (node ?? fallback)?.range[0] ?? 0;
  const end = (node ?? fallback)?.range[1] ?? start;
  const fixes = (): Fix[] =>
    word === undefined
      ? []
      : nearestNames(word, candidates).map((c) => ({
          title: `Change to '${c}'`,
          edits: [{ file: ctx.file, start, end, text: c }],
        }));
  report(ctx, 'bad-value', 'error', message, { start, end }, fixes);
}
