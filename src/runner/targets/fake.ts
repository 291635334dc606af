import type { JobRequest, JobResult, TargetDescription } from '../api/schemas.ts';
import type { JobContext, Target } from './target.ts';

/** How the fake target answers a job; the default echoes stdin and ends `ok`. */
export type FakeBehaviour = (job: JobRequest, ctx: JobContext) => Promise<Partial<JobResult>>;

/**
 * A target for unit tests of the queue and the HTTP API: no compiler, no sandbox, no
 * processes. It reports every phase, then does what `behave` says.
 */
export function createFakeTarget(
  options: { id?: string; behave?: FakeBehaviour; mechanisms?: string[] } = {},
): Target {
  const id = options.id ?? 'fake';
  const enforced = new Set(options.mechanisms ?? ['fcalls']);
  const description: TargetDescription = {
    id,
    label: 'Fake target (tests)',
    available: true,
    mechanisms: (['fcalls', 'intel-mpk', 'vm-ept', 'cheri'] as const).map((mechanism) => ({
      mechanism,
      enforced: enforced.has(mechanism),
      label: `fake ${mechanism}`,
      ...(enforced.has(mechanism) ? {} : { reason: 'the fake target does not do that' }),
    })),
  };
  const behave: FakeBehaviour =
    options.behave ??
    (async (job, ctx) => {
      if (job.stdin) ctx.emit({ event: 'stdout', data: { text: job.stdin } });
      return { exitCode: 0 };
    });
  return {
    id,
    describe: () => description,
    async run(job, ctx) {
      for (const phase of ['check', 'rewrite', 'compile', 'run'] as const)
        ctx.emit({ event: 'phase', data: { phase } });
      const partial = await behave(job, ctx);
      return {
        status: 'ok',
        target: id,
        mechanism: job.mechanism ?? 'fcalls',
        exitCode: null,
        signal: null,
        durations: {},
        truncated: false,
        diagnostics: [],
        ...partial,
      };
    },
  };
}
