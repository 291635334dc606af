import { isMap, isScalar, isSeq, parseDocument, type ParsedNode, type Pair } from 'yaml';
import { createDiagnostic, type Diagnostic, type Severity, type Span } from '../diagnostics.ts';

/**
 * The little YAML walking `space.yaml` and `workload.yaml` need: diagnostics under one code
 * prefix (`space/`, `workload/`) at UTF-16 offsets, collected rather than thrown.
 */
export interface YamlContext {
  text: string;
  file: string;
  /** `space` or `workload`: every code is `<prefix>/<kind>`. */
  prefix: string;
  diagnostics: Diagnostic[];
}

export type YPair = Pair<ParsedNode | null, ParsedNode | null>;

/** Parses the document; syntax problems become `<prefix>/yaml-syntax`. Returns the root node. */
export function parseRoot(ctx: YamlContext): ParsedNode | null {
  const doc = parseDocument(ctx.text, { prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors) report(ctx, 'yaml-syntax', 'error', e.message, e.pos[0], e.pos[1]);
  for (const e of doc.warnings)
    report(ctx, 'yaml-syntax', 'warning', e.message, e.pos[0], e.pos[1]);
  return doc.contents;
}

export function report(
  ctx: YamlContext,
  kind: string,
  severity: Severity,
  message: string,
  start: number,
  end: number,
): void {
  ctx.diagnostics.push(
    createDiagnostic(`${ctx.prefix}/${kind}`, severity, message, spanAt(ctx, start, end)),
  );
}

export function spanAt(ctx: YamlContext, start: number, end: number): Span {
  const clamp = (n: number): number =>
    Math.max(0, Math.min(Number.isFinite(n) ? n : 0, ctx.text.length));
  const s = clamp(start);
  return { file: ctx.file, start: s, end: Math.max(s, clamp(end)) };
}

/** `[start, end)` of a node's value, or of the pair's key when the value is missing. */
export function rangeOf(
  node: ParsedNode | null | undefined,
  fallback?: ParsedNode | null,
): [number, number] {
  const n = node ?? fallback;
  return n ? [n.range[0], n.range[1]] : [0, 0];
}

export function reportAt(
  ctx: YamlContext,
  kind: string,
  severity: Severity,
  message: string,
  node: ParsedNode | null | undefined,
  fallback?: ParsedNode | null,
): void {
  const [s, e] = rangeOf(node, fallback);
  report(ctx, kind, severity, message, s, e);
}

/** A scalar's text (numbers as written), or `undefined` for anything else. */
export function scalarText(node: ParsedNode | null | undefined): string | undefined {
  if (!node || !isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (node.value === null) return undefined;
  return node.source ?? String(node.value);
}

/** A finite number scalar, or `undefined`. */
export function numberValue(node: ParsedNode | null | undefined): number | undefined {
  if (!node || !isScalar(node) || typeof node.value !== 'number') return undefined;
  return Number.isFinite(node.value) ? node.value : undefined;
}

/** Pairs of a map by key; other keys are `<prefix>/unknown-key` warnings. */
export function mapPairs(
  ctx: YamlContext,
  node: ParsedNode | null,
  known: readonly string[],
): Map<string, YPair> {
  const out = new Map<string, YPair>();
  if (!node || !isMap(node)) return out;
  for (const pair of node.items as YPair[]) {
    const key = scalarText(pair.key);
    if (key === undefined) {
      reportAt(ctx, 'wrong-type', 'error', 'Keys must be plain names.', pair.key, pair.value);
    } else if (!known.includes(key)) {
      const expected = known.map((k) => `'${k}'`).join(', ');
      reportAt(
        ctx,
        'unknown-key',
        'warning',
        `Unknown key '${key}' (ignored); expected ${expected}.`,
        pair.key,
      );
    } else if (!out.has(key)) {
      out.set(key, pair);
    }
  }
  return out;
}

/** The items of a sequence, or a `<prefix>/wrong-type` error and `undefined`. */
export function seqItems(
  ctx: YamlContext,
  pair: YPair,
  what: string,
): (ParsedNode | null)[] | undefined {
  if (pair.value && isSeq(pair.value)) return pair.value.items as (ParsedNode | null)[];
  reportAt(
    ctx,
    'wrong-type',
    'error',
    `'${scalarText(pair.key) ?? '?'}' must be ${what}.`,
    pair.value,
    pair.key,
  );
  return undefined;
}

/** The pairs of a map value, or a `<prefix>/wrong-type` error and `undefined`. */
export function mapItems(ctx: YamlContext, pair: YPair, what: string): YPair[] | undefined {
  if (pair.value && isMap(pair.value)) return pair.value.items as YPair[];
  reportAt(
    ctx,
    'wrong-type',
    'error',
    `'${scalarText(pair.key) ?? '?'}' must be ${what}.`,
    pair.value,
    pair.key,
  );
  return undefined;
}

export { isMap, isScalar, isSeq };
