import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Pair,
  type ParsedNode,
} from 'yaml';
import {
  createDiagnostic,
  type Diagnostic,
  type Fix,
  type Severity,
  type Span,
} from '../diagnostics.ts';
import { nearestNames } from './nearest-name.ts';

/** A pair as the composer builds it: parsed key and value, either may be missing. */
export type YPair = Pair<ParsedNode | null, ParsedNode | null>;

/** What a parser carries while it walks the YAML of one file. */
export interface ParseContext {
  text: string;
  file: string;
  diagnostics: Diagnostic[];
}

/** A fresh context for one file. */
export function createParseContext(text: string, file: string): ParseContext {
  return { text, file, diagnostics: [] };
}

/**
 * Parses YAML keeping node ranges; every error and warning of the `yaml` package becomes a
 * `config/yaml-syntax` diagnostic at its position (the composer still returns what it could).
 */
export function parseYaml(ctx: ParseContext): Document.Parsed {
  const doc = parseDocument(ctx.text, { prettyErrors: false, uniqueKeys: true });
  const all = [
    ...doc.errors.map((e) => ({ e, severity: 'error' as const })),
    ...doc.warnings.map((e) => ({ e, severity: 'warning' as const })),
  ];
  for (const { e, severity } of all) {
    const [start, end] = e.pos;
    report(ctx, 'config/yaml-syntax', severity, e.message, { start, end });
  }
  return doc;
}

/** Adds a diagnostic at `[start, end)` of the context's file. */
export function report(
  ctx: ParseContext,
  code: string,
  severity: Severity,
  message: string,
  at: { start: number; end: number },
  fixes: Fix[] = [],
): void {
  const span = spanAt(ctx, at.start, at.end);
  ctx.diagnostics.push(createDiagnostic(code, severity, message, span, { fixes }));
}

/** A span of the context's file, clamped to its text. */
export function spanAt(ctx: ParseContext, start: number, end: number): Span {
  const s = clamp(start, ctx.text.length);
  return { file: ctx.file, start: s, end: Math.max(s, clamp(end, ctx.text.length)) };
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(Number.isFinite(n) ? n : 0, max));
}

/** The span of a node's value (without trailing comments). */
export function nodeSpan(ctx: ParseContext, node: ParsedNode): Span {
  return spanAt(ctx, node.range[0], node.range[1]);
}

/** Span of a pair from its key to the end of its value. */
export function pairSpan(ctx: ParseContext, pair: YPair): Span {
  const start = pair.key?.range[0] ?? pair.value?.range[0] ?? 0;
  const end =
    pair.value && !isEmptyNode(pair.value) ? pair.value.range[1] : (pair.key?.range[1] ?? start);
  return spanAt(ctx, start, end);
}

/** Where a pair is, for diagnostics about it: its key, or its value when the key is empty. */
export function keySpan(ctx: ParseContext, pair: YPair): Span {
  const node = pair.key ?? pair.value;
  return node ? nodeSpan(ctx, node) : spanAt(ctx, 0, 0);
}

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

/** True for a missing value: `key:` with nothing after it. */
export function isEmptyNode(node: ParsedNode | null | undefined): boolean {
  return !node || (isScalar(node) && node.value === null && (node.source ?? '') === '');
}

/** The text of a pair's key (see `scalarText`). */
export function keyText(pair: YPair): string | undefined {
  return scalarText(pair.key);
}

/** A short name of a node's type for messages. */
export function describeNode(node: ParsedNode | null | undefined): string {
  if (isEmptyNode(node)) return 'nothing';
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return typeof node.value === 'string' ? 'a string' : `a ${typeof node.value}`;
  return 'an alias';
}

/**
 * Pairs of a map indexed by key (first one wins: a duplicate key is already a YAML error).
 * Keys outside `known` and `ignored` (accepted, not read) are `config/unknown-key`, with a
 * replacement when one is a typo away.
 */
export function indexPairs(
  ctx: ParseContext,
  pairs: readonly YPair[],
  known: readonly string[],
  severity: Severity = 'error',
  ignored: readonly string[] = [],
): Map<string, YPair> {
  const byKey = new Map<string, YPair>();
  for (const pair of pairs) {
    const key = keyText(pair);
    if (key === undefined) {
      report(ctx, 'config/wrong-type', 'error', 'Keys must be plain names.', keySpan(ctx, pair));
      continue;
    }
    if (known.includes(key) || ignored.includes(key)) {
      if (!byKey.has(key)) byKey.set(key, pair);
    } else {
      const span = keySpan(ctx, pair);
      const fixes = nearestNames(key, [...known, ...ignored]).map((k) => ({
        title: `Change to '${k}'`,
        edits: [{ file: ctx.file, start: span.start, end: span.end, text: k }],
      }));
      const expected = known.map((k) => `'${k}'`).join(', ');
      report(
        ctx,
        'config/unknown-key',
        severity,
        `Unknown key '${key}'; expected ${expected}.`,
        span,
        fixes,
      );
    }
  }
  return byKey;
}

/** Reports `config/missing-key` at `at` when `key` is not among `pairs`. */
export function requireKey(
  ctx: ParseContext,
  pairs: Map<string, YPair>,
  key: string,
  at: Span,
  what: string,
  severity: Severity = 'error',
): YPair | undefined {
  const pair = pairs.get(key);
  if (!pair) report(ctx, 'config/missing-key', severity, `${what} has no '${key}'.`, at);
  return pair;
}

/** Reports `config/wrong-type` for a node that is not what `expected` says. */
export function wrongType(
  ctx: ParseContext,
  node: ParsedNode | null,
  at: Span,
  expected: string,
): void {
  report(
    ctx,
    'config/wrong-type',
    'error',
    `Expected ${expected}, found ${describeNode(node)}.`,
    at,
  );
}

/** The value of `pair` as a span, or the key's span when the value is empty. */
export function valueSpan(ctx: ParseContext, pair: YPair): Span {
  return pair.value && !isEmptyNode(pair.value) ? nodeSpan(ctx, pair.value) : keySpan(ctx, pair);
}

/** A boolean scalar's value; anything else is `config/wrong-type` and reads as `fallback`. */
export function readBoolean(ctx: ParseContext, pair: YPair, fallback: boolean): boolean {
  const v = pair.value;
  if (v && isScalar(v) && typeof v.value === 'boolean') return v.value;
  wrongType(ctx, v, valueSpan(ctx, pair), '`true` or `false`');
  return fallback;
}
