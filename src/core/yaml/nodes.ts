import { isMap, isScalar, isSeq, type Pair, type ParsedNode } from 'yaml';
import type { Severity, Span } from '../diagnostics.ts';
import { report, spanAt, type YamlContext } from './context.ts';

/** A pair as the composer builds it: parsed key and value, either may be missing. */
export type YPair = Pair<ParsedNode | null, ParsedNode | null>;

/**
 * Text of a scalar: its string value, or its source for plain scalars YAML reads as another
 * type (`name: 1.0` is the name `1.0`, not `1`), so names and keywords survive as written.
 */
export function scalarText(node: ParsedNode | null | undefined): string | undefined {
  if (!node || !isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (node.value === null && node.source === '') return undefined;
  return node.source ?? String(node.value);
}

/** The text of a pair's key (see `scalarText`). */
export function keyText(pair: YPair): string | undefined {
  return scalarText(pair.key);
}

/**
 * Largest magnitude a number in a workspace file may have. Counts, rates, shares and factors
 * written by a person lie far inside it; past it, products of two such numbers lose every
 * digit of precision, and near `1e308` they overflow to infinity.
 */
export const MAX_NUMBER = 1e15;
/** Smallest non-zero magnitude, for the same reason: its reciprocal must stay finite and exact enough. */
export const MIN_NUMBER = 1e-12;

/**
 * A number scalar in the range every reader can compute with, or `undefined`, which each
 * reader reports as a bad number: not `.nan` or `.inf`, no magnitude above `MAX_NUMBER` or
 * (except zero) below `MIN_NUMBER`, and `-0` reads as `0`.
 */
export function numberValue(node: ParsedNode | null | undefined): number | undefined {
  if (!node || !isScalar(node) || typeof node.value !== 'number') return undefined;
  const v = node.value;
  if (v === 0) return 0;
  const size = Math.abs(v);
  return Number.isFinite(v) && size <= MAX_NUMBER && size >= MIN_NUMBER ? v : undefined;
}

/** True for a missing value: `key:` with nothing after it. */
export function isEmptyNode(node: ParsedNode | null | undefined): boolean {
  return !node || (isScalar(node) && node.value === null && (node.source ?? '') === '');
}

/** A short name of a node's type for messages. */
export function describeNode(node: ParsedNode | null | undefined): string {
  if (isEmptyNode(node)) return 'nothing';
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return typeof node.value === 'string' ? 'a string' : `a ${typeof node.value}`;
  return 'an alias';
}

/** The span of a node's value (without trailing comments). */
export function nodeSpan(ctx: YamlContext, node: ParsedNode): Span {
  return spanAt(ctx, node.range[0], node.range[1]);
}

/** Span of a pair from its key to the end of its value. */
export function pairSpan(ctx: YamlContext, pair: YPair): Span {
  const start = pair.key?.range[0] ?? pair.value?.range[0] ?? 0;
  const end =
    pair.value && !isEmptyNode(pair.value) ? pair.value.range[1] : (pair.key?.range[1] ?? start);
  return spanAt(ctx, start, end);
}

/** Where a pair is, for diagnostics about it: its key, or its value when the key is empty. */
export function keySpan(ctx: YamlContext, pair: YPair): Span {
  const node = pair.key ?? pair.value;
  return node ? nodeSpan(ctx, node) : spanAt(ctx, 0, 0);
}

/** The value of `pair` as a span, or the key's span when the value is empty. */
export function valueSpan(ctx: YamlContext, pair: YPair): Span {
  return pair.value && !isEmptyNode(pair.value) ? nodeSpan(ctx, pair.value) : keySpan(ctx, pair);
}

/** `[start, end)` of a node, or of `fallback` (say, the pair's key) when the node is missing. */
export function rangeOf(
  node: ParsedNode | null | undefined,
  fallback?: ParsedNode | null,
): [number, number] {
  const n = node ?? fallback;
  return n ? [n.range[0], n.range[1]] : [0, 0];
}

/** Reports `<prefix>/<kind>` at a node, or at `fallback` when the node is missing. */
export function reportAt(
  ctx: YamlContext,
  kind: string,
  severity: Severity,
  message: string,
  node: ParsedNode | null | undefined,
  fallback?: ParsedNode | null,
): void {
  const [start, end] = rangeOf(node, fallback);
  report(ctx, kind, severity, message, { start, end });
}
