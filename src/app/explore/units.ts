import type { ExploreRequest } from '../../core/pipeline/index.ts';
import { shortNumber } from './colour.ts';

/**
 * The unit of the explore panel's performance labels: estimates are requests (units of work
 * of workload.yaml's `baseline`) per second; measured labels carry the unit the program printed
 * with its FLEXOS-METRIC line, when it printed one; imported CSV values have none.
 */
export function labelUnit(
  labels: ExploreRequest['labels'],
  measuredUnit: string | undefined,
): string | null {
  if (labels === 'estimate') return 'requests/s';
  if (labels === 'runner') return measuredUnit ?? null;
  return null;
}

/** A label rounded for reading (`321k requests/s`), with its unit when known. */
export function formatLabel(value: number, unit: string | null): string {
  return unit ? `${shortNumber(value)} ${unit}` : shortNumber(value);
}

/** A label in full (`321,062 requests/s`), for tooltips and the selected configuration. */
export function formatLabelFull(value: number, unit: string | null): string {
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  const text = rounded.toLocaleString('en');
  return unit ? `${text} ${unit}` : text;
}
