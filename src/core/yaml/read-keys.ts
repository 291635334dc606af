import type { Fix, Severity, Span } from '../diagnostics.ts';
import { nearestNames } from '../names/index.ts';
import { report, type YamlContext } from './context.ts';
import { keySpan, keyText, type YPair } from './nodes.ts';

/**
 * Pairs of a map indexed by key (first one wins: a duplicate key is already a YAML error).
 * Keys outside `known` and `ignored` (accepted, not read) are `<prefix>/unknown-key` at the
 * key, with a fix to the nearest known key when one is a typo away. Every file reports unknown
 * keys this way; only the severity differs (a warning where the key is just ignored).
 */
export function indexPairs(
  ctx: YamlContext,
  pairs: readonly YPair[],
  known: readonly string[],
  severity: Severity = 'error',
  ignored: readonly string[] = [],
): Map<string, YPair> {
  const byKey = new Map<string, YPair>();
  for (const pair of pairs) {
    const key = keyText(pair);
    if (key === undefined) {
      report(ctx, 'wrong-type', 'error', 'Keys must be plain names.', keySpan(ctx, pair));
    } else if (known.includes(key) || ignored.includes(key)) {
      if (!byKey.has(key)) byKey.set(key, pair);
    } else {
      reportUnknownKey(ctx, pair, key, [...known, ...ignored], known, severity);
    }
  }
  return byKey;
}

function reportUnknownKey(
  ctx: YamlContext,
  pair: YPair,
  key: string,
  candidates: readonly string[],
  known: readonly string[],
  severity: Severity,
): void {
  const span = keySpan(ctx, pair);
  const fixes = (): Fix[] =>
    nearestNames(key, candidates).map((k) => ({
      title: `Change to '${k}'`,
      edits: [{ file: ctx.file, start: span.start, end: span.end, text: k }],
    }));
  const expected = known.map((k) => `'${k}'`).join(', ');
  const ignored = severity === 'error' ? '' : ' (ignored)';
  const message = `Unknown key '${key}'${ignored}; expected ${expected}.`;
  report(ctx, 'unknown-key', severity, message, span, fixes);
}

/** Reports `<prefix>/missing-key` at `at` when `key` is not among `pairs`. */
export function requireKey(
  ctx: YamlContext,
  pairs: Map<string, YPair>,
  key: string,
  at: Span,
  what: string,
  severity: Severity = 'error',
): YPair | undefined {
  const pair = pairs.get(key);
  if (!pair) report(ctx, 'missing-key', severity, `${what} has no '${key}'.`, at);
  return pair;
}
