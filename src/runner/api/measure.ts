import type { TargetsResponse } from './schemas.ts';

/**
 * Measuring a configuration by running it (`flexos explore --labels runner`, the Explore
 * panel's runner labels): which target runs it and which of the program's `FLEXOS-METRIC`
 * values is its label. Shared by the CLI and the page so both measure the same way.
 */

/** The runner's own measurements (metric events it adds), never a program's label. */
const RUNNER_METRICS = new Set(['run-wall']);

/** The first available target that enforces `mechanism`, `native` before the others. */
export function chooseTarget(targets: TargetsResponse, mechanism: string): string | null {
  const usable = targets.targets.filter(
    (t) => t.available && t.mechanisms.some((m) => m.mechanism === mechanism && m.enforced),
  );
  usable.sort((a, b) => Number(b.id === 'native') - Number(a.id === 'native'));
  return usable[0]?.id ?? null;
}

/**
 * The label among the metrics a run printed (the last value of each name): `wanted`, or the
 * only one there is; otherwise why there is none.
 */
export function pickMetric(
  metrics: ReadonlyMap<string, number>,
  wanted?: string,
): { value: number } | { why: string } {
  const names = [...metrics.keys()].filter((n) => !RUNNER_METRICS.has(n));
  if (wanted !== undefined) {
    const value = metrics.get(wanted);
    if (value !== undefined) return { value };
    const printed = names.length > 0 ? ` (it printed ${names.join(', ')})` : '';
    return { why: `it printed no FLEXOS-METRIC ${wanted}=… line${printed}` };
  }
  const only = names.length === 1 ? metrics.get(names[0] as string) : undefined;
  if (only !== undefined) return { value: only };
  if (names.length === 0) return { why: 'it printed no FLEXOS-METRIC line' };
  return { why: `it printed several metrics (${names.join(', ')}); pick one` };
}
