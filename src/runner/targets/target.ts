import type { JobEvent, JobRequest, JobResult, TargetDescription } from '../api/schemas.ts';

/** Events a target reports while it works; `queued` and `done` are the service's. */
export type TargetEvent = Exclude<JobEvent, { event: 'queued' } | { event: 'done' }>;

/** What a target gets besides the job: where to report, its slot, and when to stop. */
export interface JobContext {
  emit(event: TargetEvent): void;
  /** The concurrency slot the job runs in (0 .. concurrency - 1): sandbox users are per slot. */
  slot: number;
  /** Aborted when the runner shuts down: the target stops the job and ends it as `killed`. */
  signal: AbortSignal;
}

/**
 * Somewhere a job can be built and run: a Linux process here (`native`), later a VM under
 * QEMU, a Morello board over the network. Callers know only this interface. A target never
 * throws for a job that fails: every outcome, the program's failures included, is a result.
 */
export interface Target {
  readonly id: string;
  /** What it enforces on this host, per mechanism, and why not where it cannot. */
  describe(): TargetDescription;
  run(job: JobRequest, ctx: JobContext): Promise<JobResult>;
  /** Releases what the target holds (a worker thread, a VM); jobs have stopped by then. */
  close?(): Promise<void>;
}

/** Whether `target` builds `mechanism`, and if not, why not (its description's words). */
export function canEnforce(
  target: Target,
  mechanism: string,
): { ok: true } | { ok: false; reason: string } {
  const d = target.describe();
  if (!d.available) return { ok: false, reason: d.reason ?? 'the target is not available' };
  const m = d.mechanisms.find((x) => x.mechanism === mechanism);
  if (m?.enforced) return { ok: true };
  return { ok: false, reason: m?.reason ?? `${d.id} does not support ${mechanism}` };
}
