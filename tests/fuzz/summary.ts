/**
 * Collects case reports into what a run prints: counts, time, and failures grouped by stage
 * and by cause (`failureKey`), each group with the seeds that reproduce it.
 */
import { failureKey, type CaseReport, type Failure } from './run-case.ts';

export interface FailureGroup {
  key: string;
  /** The first failure of the group, as reported. */
  first: Failure;
  /** Failures in the group (one case may add several). */
  count: number;
  /** Distinct seeds, up to 5. */
  seeds: number[];
}

export interface Collector {
  add(report: CaseReport): void;
  /** Adds failures found outside a case report (the CLI process sample). */
  addFailures(failures: readonly Failure[]): void;
  readonly cases: number;
  readonly failingCases: number;
  readonly slowest: { seed: number; ms: number } | null;
  groups(): FailureGroup[];
  byStage(): [string, number][];
  format(elapsedMs: number): string;
}

export function createCollector(): Collector {
  let cases = 0;
  const failing = new Set<number>();
  let slowest: { seed: number; ms: number } | null = null;
  const groups = new Map<string, FailureGroup>();
  const stages = new Map<string, number>();
  const addFailures = (failures: readonly Failure[]) => {
    for (const f of failures) {
      failing.add(f.seed);
      const stage = f.stage.replace(/^build:.*/, 'build');
      stages.set(stage, (stages.get(stage) ?? 0) + 1);
      const key = failureKey(f);
      const g = groups.get(key);
      if (!g) groups.set(key, { key, first: f, count: 1, seeds: [f.seed] });
      else {
        g.count++;
        if (g.seeds.length < 5 && !g.seeds.includes(f.seed)) g.seeds.push(f.seed);
      }
    }
  };
  const sortedGroups = () =>
    [...groups.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return {
    add(report) {
      cases++;
      if (!slowest || report.ms > slowest.ms) slowest = { seed: report.seed, ms: report.ms };
      addFailures(report.failures);
    },
    addFailures,
    get cases() {
      return cases;
    },
    get failingCases() {
      return failing.size;
    },
    get slowest() {
      return slowest;
    },
    groups: sortedGroups,
    byStage: () => [...stages].sort((a, b) => b[1] - a[1]),
    format(elapsedMs) {
      const lines = [
        `${cases} cases in ${(elapsedMs / 1000).toFixed(1)} s (${((cases * 1000) / Math.max(1, elapsedMs)).toFixed(1)} cases/s); ${failing.size} failing`,
      ];
      if (slowest)
        lines.push(`slowest case: seed ${slowest.seed}, ${(slowest.ms / 1000).toFixed(2)} s`);
      if (groups.size > 0) {
        lines.push('', 'failures by stage:');
        for (const [stage, n] of this.byStage()) lines.push(`  ${String(n).padStart(6)}  ${stage}`);
        lines.push('', `failures by cause (${groups.size}):`);
        for (const g of sortedGroups()) lines.push(formatGroup(g));
      }
      return lines.join('\n');
    },
  };
}

export function formatGroup(g: FailureGroup): string {
  const f = g.first;
  return [
    `  ${String(g.count).padStart(6)}  [${f.stage}] ${f.type}: ${f.message}${f.where ? ` (at ${f.where})` : ''}`,
    `          seeds: ${g.seeds.join(', ')} (first case kind: ${f.kind})`,
  ].join('\n');
}
