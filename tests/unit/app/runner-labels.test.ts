/**
 * The Explore panel's runner labels (src/app/state/runner-labels.ts) against a fake runner
 * client: the label is the program's metric, and its unit, when the program printed one, is
 * what the panel shows values in.
 */
import { describe, expect, it } from 'vitest';
import type { RunnerClient } from '../../../src/runner/api/client.ts';
import { RunnerLabels, type RunnerLabelStats } from '../../../src/app/state/runner-labels.ts';

function client(metrics: { name: string; value: number; unit: string }[]): RunnerClient {
  const fake = {
    targets: async () => ({
      targets: [
        { id: 'native', available: true, mechanisms: [{ mechanism: 'fcalls', enforced: true }] },
      ],
      limits: {},
    }),
    submit: async () => ({ id: 'job-1' }),
    follow: async (_id: string, options?: { onEvent?: (e: unknown) => void }) => {
      for (const data of metrics) options?.onEvent?.({ event: 'metric', data });
      return { status: 'ok' };
    },
  };
  return fake as unknown as RunnerClient;
}

async function measure(metrics: { name: string; value: number; unit: string }[]) {
  const stats: RunnerLabelStats = { runs: 0, cached: 0, failures: [], target: null };
  const run = new RunnerLabels().measureFor(
    { 'config.yaml': '' },
    client(metrics),
    stats,
    new AbortController().signal,
  );
  const value = await run({ id: 'a', config: 'compartments: []\n', mechanism: 'fcalls' });
  return { value, stats };
}

describe('runner labels', () => {
  it('take the unit the program printed with its metric', async () => {
    const { value, stats } = await measure([
      { name: 'run-wall', value: 12, unit: 'ms' },
      { name: 'requests_per_s', value: 1234, unit: 'req/s' },
    ]);
    expect(value).toBe(1234);
    expect(stats.unit).toBe('req/s');
    expect(stats.target).toBe('native');
  });

  it('have no unit when the program printed none', async () => {
    const { value, stats } = await measure([{ name: 'score', value: 7, unit: '' }]);
    expect(value).toBe(7);
    expect(stats.unit).toBeUndefined();
  });
});
