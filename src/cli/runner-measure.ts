import type { Mechanism } from '../core/model.ts';
import type { Workspace } from '../core/pipeline/index.ts';
import { RunnerError, type RunnerClient } from '../runner/api/client.ts';
import type { JobRequest } from '../runner/api/index.ts';
import { chooseTarget, pickMetric } from '../runner/api/measure.ts';
import type { CliIo } from './io.ts';
import { connectRunner } from './runner-connect.ts';

export interface RunnerMeasureOptions {
  /** A runner's URL; none: one started in this process. */
  runner?: string;
  token?: string;
  /** A target id; none: the first that enforces the space's mechanism (native first). */
  target?: string;
  /** The `FLEXOS-METRIC` name that is the label; none: the only one the program prints. */
  metric?: string;
  /** The program's arguments. */
  args: readonly string[];
}

/** Measures configurations by running them; `close` stops a runner it started. */
export interface RunnerMeasure {
  measure(run: { id: string; config: string; mechanism: Mechanism }): Promise<number>;
  /** Runs submitted so far, and how many gave no measurement. */
  readonly runs: number;
  readonly failed: number;
  /** `target (url)`, once a run chose its target. */
  where(): string;
  close(): Promise<void>;
}

/** How long to wait before submitting again when the runner's queue is full. */
const BUSY_RETRY_MS = 2000;

/**
 * `flexos explore --labels runner`: each configuration the exploration asks for is built and
 * run on a runner, one at a time (measurements side by side would slow each other down), and
 * its label is the value of a `FLEXOS-METRIC name=value` line the program prints. A run that
 * fails or prints no such line labels nothing (NaN) and says why on stderr.
 */
export async function openRunnerMeasure(
  ws: Workspace,
  options: RunnerMeasureOptions,
  io: CliIo,
): Promise<RunnerMeasure> {
  const runner = await connectRunner(io, options);
  const { client } = runner;
  let target: string | null = options.target ?? null;
  let runs = 0;
  let failed = 0;
  const said = new Set<string>();
  const fail = (id: string, why: string): number => {
    failed++;
    io.err(`  ${id}: no measurement: ${why}\n`);
    return Number.NaN;
  };
  return {
    get runs() {
      return runs;
    },
    get failed() {
      return failed;
    },
    where: () => `${target ?? '?'} at ${runner.url}`,
    async measure({ id, config, mechanism }) {
      target ??= chooseTarget(await client.targets(), mechanism);
      if (target === null)
        throw new RunnerError({
          kind: 'http',
          status: 400,
          code: 'unsupported-mechanism',
          message: `no target of this runner enforces ${mechanism}`,
        });
      const files: Record<string, string> = { ...ws.files, 'config.yaml': config };
      // The configuration replaces the image's own config, whichever file held it.
      if (ws.files['config.yaml'] === undefined) delete files['kraft.yaml'];
      const request: JobRequest = {
        files,
        target,
        ...(options.args.length > 0 ? { args: [...options.args] } : {}),
      };
      runs++;
      const metrics = new Map<string, number>();
      const result = await submitAndFollow(client, request, (name, value) =>
        metrics.set(name, value),
      );
      // What the runner says of the build (hardening it cannot apply, ...), once each.
      for (const d of result.diagnostics) {
        const line = `${d.severity} ${d.code}: ${d.message}`;
        if (d.severity === 'error' || said.has(line)) continue;
        said.add(line);
        io.err(`  ${line}\n`);
      }
      if (result.status !== 'ok')
        return fail(id, `${result.status}${result.reason ? ` (${result.reason})` : ''}`);
      const picked = pickMetric(metrics, options.metric);
      if ('why' in picked)
        return fail(id, picked.why.replace(/; pick one$/, '; pick one with --metric'));
      return picked.value;
    },
    close: () => runner.close(),
  };
}

async function submitAndFollow(
  client: RunnerClient,
  request: JobRequest,
  onMetric: (name: string, value: number) => void,
) {
  for (;;) {
    try {
      const { id } = await client.submit(request);
      return await client.follow(id, {
        onEvent: (e) => {
          if (e.event === 'metric') onMetric(e.data.name, e.data.value);
        },
      });
    } catch (e) {
      if (e instanceof RunnerError && e.failure.kind === 'http' && e.failure.status === 429) {
        const wait = (e.failure.retryAfterS ?? BUSY_RETRY_MS / 1000) * 1000;
        await new Promise((r) => setTimeout(r, wait));
        continue;
      }
      throw e;
    }
  }
}
