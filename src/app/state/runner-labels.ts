import { fingerprintFiles } from '../../core/pipeline/index.ts';
import type { RunnerClient } from '../../runner/api/client.ts';
import { chooseTarget, pickMetric } from '../../runner/api/measure.ts';
import type { JobRequest } from '../../runner/api/schemas.ts';
import type { Measure } from './explore-client.ts';

/** What the Explore panel's runner labels did in one exploration. */
export interface RunnerLabelStats {
  /** Jobs run in this exploration. */
  runs: number;
  /** Labels taken from earlier runs of the same sources. */
  cached: number;
  /** Runs that gave no label, with why (the newest few). */
  failures: string[];
  target: string | null;
  /** The unit the measured metric was printed with (`FLEXOS-METRIC name=value unit`), if any. */
  unit?: string;
}

/**
 * Labels measured by running each configuration on the runner (the Explore panel's "runner"
 * labels), one job at a time, as `flexos explore --labels runner` does. A label is kept per
 * configuration and per version of every file but config.yaml, so exploring again (another
 * budget or order) runs only what was not measured yet.
 */
export class RunnerLabels {
  private readonly known = new Map<string, number>();

  /**
   * The `measure` callback of one exploration of `files`; `stats` is updated as it goes and
   * `signal` stops the job in flight when the exploration is cancelled.
   */
  measureFor(
    files: Readonly<Record<string, string>>,
    client: RunnerClient,
    stats: RunnerLabelStats,
    signal: AbortSignal,
  ): Measure {
    const sources = fingerprint(files);
    return async ({ id, config, mechanism }) => {
      const key = `${sources}\n${id}`;
      const had = this.known.get(key);
      if (had !== undefined) {
        stats.cached++;
        return had;
      }
      stats.target ??= chooseTarget(await client.targets(signal), mechanism);
      if (stats.target === null) throw new Error(`no target of this runner enforces ${mechanism}`);
      const request: JobRequest = {
        files: { ...files, 'config.yaml': config },
        target: stats.target,
      };
      if (files['config.yaml'] === undefined) delete request.files['kraft.yaml'];
      stats.runs++;
      const metrics = new Map<string, number>();
      const units = new Map<string, string>();
      const { id: job } = await client.submit(request, signal);
      const result = await client.follow(job, {
        signal,
        onEvent: (e) => {
          if (e.event === 'metric') {
            metrics.set(e.data.name, e.data.value);
            if (e.data.unit) units.set(e.data.name, e.data.unit);
          }
        },
      });
      const picked =
        result.status === 'ok'
          ? pickMetric(metrics)
          : { why: `${result.status}${result.reason ? ` (${result.reason})` : ''}` };
      if ('why' in picked) {
        stats.failures = [...stats.failures.slice(-4), `${id}: ${picked.why}`];
        return Number.NaN;
      }
      const name = [...metrics].find(([n, v]) => v === picked.value && units.has(n))?.[0];
      const unit = name === undefined ? undefined : units.get(name);
      if (unit) stats.unit = unit;
      this.known.set(key, picked.value);
      return picked.value;
    };
  }
}

/** What a measurement depends on besides config.yaml: every other file. */
function fingerprint(files: Readonly<Record<string, string>>): string {
  const { 'config.yaml': _config, ...sources } = files;
  return fingerprintFiles(sources);
}
