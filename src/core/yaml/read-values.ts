import { isMap, isScalar, isSeq, type ParsedNode } from 'yaml';
import type { Span } from '../diagnostics.ts';
import { report, type YamlContext } from './context.ts';
import { describeNode, reportAt, scalarText, valueSpan, type YPair } from './nodes.ts';

/** Reports `<prefix>/wrong-type` for a node that is not what `expected` says. */
export function wrongType(
  ctx: YamlContext,
  node: ParsedNode | null,
  at: Span,
  expected: string,
): void {
  const message = `Expected ${expected}, found ${describeNode(node)}.`;
  report(ctx, 'wrong-type', 'error', message, at);
}

/** A boolean scalar's value; anything else is `<prefix>/wrong-type` and reads as `fallback`. */
export function readBoolean(ctx: YamlContext, pair: YPair, fallback: boolean): boolean {
  const v = pair.value;
  if (v && isScalar(v) && typeof v.value === 'boolean') return v.value;
  wrongType(ctx, v, valueSpan(ctx, pair), '`true` or `false`');
  return fallback;
}

/** The items of a sequence value, or a `<prefix>/wrong-type` error and `undefined`. */
export function seqItems(
  ctx: YamlContext,
  pair: YPair,
  what: string,
): (ParsedNode | null)[] | undefined {
  if (pair.value && isSeq(pair.value)) return pair.value.items as (ParsedNode | null)[];
  mustBe(ctx, pair, what);
  return undefined;
}

/** The pairs of a map value, or a `<prefix>/wrong-type` error and `undefined`. */
export function mapItems(ctx: YamlContext, pair: YPair, what: string): YPair[] | undefined {
  if (pair.value && isMap(pair.value)) return pair.value.items as YPair[];
  mustBe(ctx, pair, what);
  return undefined;
}

function mustBe(ctx: YamlContext, pair: YPair, what: string): void {
  const message = `'${scalarText(pair.key) ?? '?'}' must be ${what}.`;
  reportAt(ctx, 'wrong-type', 'error', message, pair.value, pair.key);
}
