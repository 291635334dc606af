import { isMap } from 'yaml';
import type { Diagnostic, Span } from '../../diagnostics.ts';
import { isHardening, NAME_PATTERN, type Hardening } from '../../model.ts';
import type { Space } from '../space/space.ts';
import {
  createYamlContext,
  indexPairs,
  mapItems,
  numberValue,
  parseYaml,
  rangeOf,
  reportAt,
  scalarText,
  spanAt,
  type YamlContext,
  type YPair,
} from '../../yaml/index.ts';

/**
 * `workload.yaml` — what one unit of work (a request, a packet) does, for cost estimates
 * (docs/semantics.md, "Cost model"):
 *
 * ```yaml
 * baseline: 600000        # units of work per second, everything in one compartment, no hardening
 * clock-ghz: 3            # optional (default 3): turns gate cycles into time
 * calls:                  # gate crossings per unit of work, caller->callee
 *   kv->netstack: 4
 *   netstack->sched: 2
 * buffers:                # optional: shared buffers allocated per crossing (default 1)
 *   kv->netstack: 2
 * share:                  # share of the baseline time spent in each library (sum <= 1)
 *   kv: 0.35
 *   netstack: 0.3
 * hardening-factors:      # optional: overrides of backends/ defaults, each >= 1
 *   asan: 1.8
 * ```
 *
 * Codes: `WORKLOAD_CODES`.
 */
/**
 * Every code a workload.yaml can get: the YAML layer's (syntax, shape, keys, nesting, the
 * per-file cap), its own rules, `checkWorkload`'s and the gate-site completion's.
 */
export const WORKLOAD_CODES = [
  'workload/yaml-syntax',
  'workload/not-a-map',
  'workload/unknown-key',
  'workload/missing-key',
  'workload/wrong-type',
  'workload/too-deep',
  'workload/too-many-problems',
  'workload/bad-number',
  'workload/bad-edge',
  'workload/duplicate-edge',
  'workload/unknown-hardening',
  'workload/bad-factor',
  'workload/share-sum',
  'workload/unknown-component',
  'workload/edge-from-sources',
] as const;

export interface Workload {
  /** Units of work per second of the least safe configuration, measured. */
  baseline: number;
  /** Clock rate turning cycles into seconds. */
  clockGhz: number;
  calls: WorkloadEdge[];
  /** Fraction of the baseline time spent in each library. */
  share: Record<string, number>;
  /** Overrides of the default hardening factors. */
  hardeningFactors: Partial<Record<Hardening, number>>;
  /** Where each library of `share` is written. */
  shareSpans: Record<string, Span>;
}

/** Calls per unit of work from one library into another. */
export interface WorkloadEdge {
  from: string;
  to: string;
  calls: number;
  /** Shared buffers allocated per crossing (each costs the sharing mode's allocation). */
  buffers: number;
  span?: Span;
}

export interface ParsedWorkload {
  workload: Workload | undefined;
  diagnostics: Diagnostic[];
}

const KEYS = ['baseline', 'clock-ghz', 'calls', 'buffers', 'share', 'hardening-factors'] as const;

/** Reads `workload.yaml`. Never throws; `workload` is set when there is no error. */
export function parseWorkload(text: string, file = 'workload.yaml'): ParsedWorkload {
  const ctx = createYamlContext(text, file, 'workload');
  const root = parseYaml(ctx).contents;
  if (!root || !isMap(root)) {
    reportAt(
      ctx,
      'not-a-map',
      'error',
      'workload.yaml must be a map with at least `baseline`.',
      root,
    );
    return { workload: undefined, diagnostics: ctx.diagnostics };
  }
  const pairs = indexPairs(ctx, root.items as YPair[], KEYS, 'warning');
  const basePair = pairs.get('baseline');
  if (!basePair)
    reportAt(ctx, 'missing-key', 'error', 'workload.yaml has no `baseline` (units/s).', root);
  const baseline = basePair ? positive(ctx, basePair, false) : undefined;
  const clock = pairs.get('clock-ghz');
  const clockGhz = clock ? positive(ctx, clock, false) : 3;
  const calls = edges(ctx, pairs.get('calls'));
  const buffers = edges(ctx, pairs.get('buffers'));
  const shareSpans: Record<string, Span> = {};
  const share = numbers(ctx, pairs.get('share'), (key, node) => {
    if (!NAME_PATTERN.test(key))
      return reportAt(ctx, 'wrong-type', 'error', `'${key}' is not a library name.`, node);
    const [s, e] = rangeOf(node);
    shareSpans[key] = spanAt(ctx, s, e);
    return key;
  });
  const total = Object.values(share).reduce((a, b) => a + b, 0);
  if (total > 1 + 1e-9)
    reportAt(
      ctx,
      'share-sum',
      'error',
      `The shares add up to ${total}; they are fractions of one unit of work (at most 1).`,
      pairs.get('share')?.key,
    );
  const hardeningFactors: Partial<Record<Hardening, number>> = {};
  const factors = numbers(ctx, pairs.get('hardening-factors'), (key, node) => {
    if (isHardening(key)) return key;
    return reportAt(ctx, 'unknown-hardening', 'error', `Unknown hardening '${key}'.`, node);
  });
  for (const [h, f] of Object.entries(factors)) {
    if (f < 1) {
      const node = mapItems(ctx, pairs.get('hardening-factors') as YPair, '')?.find(
        (p) => scalarText(p.key) === h,
      )?.value;
      reportAt(
        ctx,
        'bad-factor',
        'error',
        `A hardening factor below 1 would make hardening faster; the explorer assumes safer is never faster.`,
        node,
      );
    } else hardeningFactors[h as Hardening] = f;
  }
  const byKey = new Map(buffers.map((b) => [`${b.from}->${b.to}`, b.calls]));
  const workload: Workload = {
    baseline: baseline ?? 1,
    clockGhz: clockGhz ?? 3,
    calls: calls.map((c) => ({ ...c, buffers: byKey.get(`${c.from}->${c.to}`) ?? 1 })),
    share,
    hardeningFactors,
    shareSpans,
  };
  const failed = ctx.diagnostics.some((d) => d.severity === 'error');
  return { workload: failed ? undefined : workload, diagnostics: ctx.diagnostics };
}

function positive(ctx: YamlContext, pair: YPair, zero: boolean): number | undefined {
  const v = numberValue(pair.value);
  if (v !== undefined && (v > 0 || (zero && v === 0))) return v;
  const key = scalarText(pair.key) ?? 'value';
  reportAt(
    ctx,
    'bad-number',
    'error',
    `'${key}' must be a ${zero ? 'non-negative' : 'positive'} number.`,
    pair.value,
    pair.key,
  );
  return undefined;
}

/** A map of `key: number >= 0`; `accept` checks and renames each key (undefined: skip). */
function numbers(
  ctx: YamlContext,
  pair: YPair | undefined,
  accept: (key: string, node: YPair['key']) => string | undefined | void,
): Record<string, number> {
  const out: Record<string, number> = {};
  if (!pair) return out;
  for (const entry of mapItems(ctx, pair, 'a map of numbers') ?? []) {
    const key = scalarText(entry.key);
    if (key === undefined) {
      reportAt(ctx, 'wrong-type', 'error', 'Expected a name.', entry.key, entry.value);
      continue;
    }
    const name = accept(key, entry.key);
    const v = positive(ctx, entry, true);
    if (typeof name === 'string' && v !== undefined) out[name] = v;
  }
  return out;
}

function edges(ctx: YamlContext, pair: YPair | undefined): Omit<WorkloadEdge, 'buffers'>[] {
  const out: Omit<WorkloadEdge, 'buffers'>[] = [];
  const seen = new Set<string>();
  const entries = numbers(ctx, pair, (key, node) => {
    const m = /^\s*([a-z][a-z0-9_-]*)\s*->\s*([a-z][a-z0-9_-]*)\s*$/.exec(key);
    if (!m || m[1] === m[2])
      return reportAt(
        ctx,
        'bad-edge',
        'error',
        `'${key}' is not an edge 'caller->callee' between two libraries.`,
        node,
      );
    const norm = `${m[1]}->${m[2]}`;
    if (seen.has(norm))
      return reportAt(ctx, 'duplicate-edge', 'error', `${norm} is given twice.`, node);
    seen.add(norm);
    const [s, e] = rangeOf(node);
    out.push({ from: m[1] as string, to: m[2] as string, calls: 0, span: spanAt(ctx, s, e) });
    return norm;
  });
  for (const e of out) e.calls = entries[`${e.from}->${e.to}`] ?? 0;
  return out;
}

/** Libraries a workload names that the space does not have (`workload/unknown-component`). */
export function checkWorkload(
  workload: Workload,
  space: Space,
  file = 'workload.yaml',
): Diagnostic[] {
  const known = new Set(space.components);
  const out: Diagnostic[] = [];
  const warn = (name: string, span: Span | undefined): void => {
    if (known.has(name)) return;
    out.push({
      code: 'workload/unknown-component',
      severity: 'warning',
      message: `${name} is not a component of the space; its numbers are ignored.`,
      span: span ?? { file, start: 0, end: 0 },
    });
  };
  for (const e of workload.calls) for (const n of [e.from, e.to]) warn(n, e.span);
  for (const [name, span] of Object.entries(workload.shareSpans)) warn(name, span);
  return out;
}
