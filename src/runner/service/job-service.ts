import { randomUUID } from 'node:crypto';
import type { JobEvent, JobRequest, JobResult, JobView, RunnerLimits } from '../api/schemas.ts';
import { canEnforce, type Target } from '../targets/target.ts';
import { createRateLimiter } from './rate-limit.ts';

/** An event as stored and streamed: `id` orders the events of one job, from 1. */
export interface StoredEvent {
  id: number;
  event: JobEvent;
}

interface JobRecord {
  id: string;
  state: JobView['state'];
  request: JobRequest;
  target: Target;
  events: StoredEvent[];
  listeners: Set<(e: StoredEvent) => void>;
  result: JobResult | null;
  finishedAt: number;
  abort: AbortController;
}

/** Why a job was not accepted: an HTTP status, a stable code, and when to retry. */
export interface Refusal {
  httpStatus: 400 | 429 | 503;
  code: string;
  message: string;
  retryAfterS?: number;
}

export interface JobServiceOptions {
  targets: Target[];
  limits: RunnerLimits;
  /** How long a finished job stays readable (default 10 minutes). */
  keepDoneMs?: number;
  /** Most finished jobs kept; the oldest are forgotten first (default 200). */
  maxDoneJobs?: number;
  /** Called with a target's unexpected exception (a bug), after the job ends as `killed`. */
  onBug?: (error: unknown) => void;
  now?: () => number;
}

/**
 * Jobs without HTTP: a bounded queue in front of a fixed number of slots, per-client rate
 * limits, each job's events kept so a client can resume its stream from any event id.
 */
export function createJobService(options: JobServiceOptions) {
  const { limits } = options;
  const now = options.now ?? Date.now;
  const keepDoneMs = options.keepDoneMs ?? 10 * 60_000;
  const maxDoneJobs = options.maxDoneJobs ?? 200;
  const jobs = new Map<string, JobRecord>();
  const waiting: JobRecord[] = [];
  const freeSlots = Array.from({ length: limits.queue.concurrency }, (_, i) => i);
  const running = new Set<Promise<void>>();
  const rate = createRateLimiter(limits.rate, now);
  let closed = false;

  function emit(job: JobRecord, event: JobEvent): void {
    const stored = { id: job.events.length + 1, event };
    job.events.push(stored);
    for (const listener of job.listeners) listener(stored);
  }

  function announcePositions(): void {
    waiting.forEach((job, position) => emit(job, { event: 'queued', data: { position } }));
  }

  function forgetOld(): void {
    const t = now();
    const done = [...jobs.values()].filter((j) => j.state === 'done');
    const excess = done.length - maxDoneJobs;
    done
      .sort((a, b) => a.finishedAt - b.finishedAt)
      .forEach((job, i) => {
        if (i < excess || t - job.finishedAt > keepDoneMs) jobs.delete(job.id);
      });
  }

  function startNext(): void {
    while (!closed && freeSlots.length > 0 && waiting.length > 0) {
      const job = waiting.shift() as JobRecord;
      const slot = freeSlots.shift() as number;
      job.state = 'running';
      const work = runJob(job, slot).finally(() => {
        running.delete(work);
        freeSlots.push(slot);
        freeSlots.sort((a, b) => a - b);
        startNext();
      });
      running.add(work);
      announcePositions();
    }
  }

  function finish(job: JobRecord, result: JobResult): void {
    job.result = result;
    job.state = 'done';
    job.finishedAt = now();
    emit(job, { event: 'done', data: result });
    job.listeners.clear();
  }

  async function runJob(job: JobRecord, slot: number): Promise<void> {
    let result: JobResult;
    try {
      result = await job.target.run(job.request, {
        slot,
        signal: job.abort.signal,
        emit: (e) => emit(job, e),
      });
    } catch (error) {
      options.onBug?.(error);
      result = killed(job.target.id, 'the runner failed on this job (a bug); it has been logged');
    }
    finish(job, result);
    forgetOld();
  }

  return {
    /** Accepts a checked request from `client` (an address or token), or says why not. */
    submit(
      request: JobRequest,
      client: string,
    ): { ok: true; id: string } | { ok: false; refusal: Refusal } {
      if (closed) return refuse(503, 'shutting-down', 'the runner is shutting down');
      const target = options.targets.find((t) => t.id === request.target);
      if (!target)
        return refuse(400, 'unknown-target', `no target ${JSON.stringify(request.target)}`);
      if (request.mechanism !== undefined) {
        const can = canEnforce(target, request.mechanism);
        if (!can.ok) return refuse(400, 'unsupported-mechanism', can.reason);
      }
      if (waiting.length >= limits.queue.maxQueued)
        return refuse(429, 'queue-full', 'too many jobs are waiting', 5);
      const allowed = rate.take(client);
      if (!allowed.ok)
        return refuse(429, 'rate-limited', 'too many jobs from this client', allowed.retryAfterS);
      const job: JobRecord = {
        id: randomUUID(),
        state: 'queued',
        request,
        target,
        events: [],
        listeners: new Set(),
        result: null,
        finishedAt: 0,
        abort: new AbortController(),
      };
      jobs.set(job.id, job);
      waiting.push(job);
      emit(job, { event: 'queued', data: { position: waiting.length - 1 } });
      startNext();
      return { ok: true, id: job.id };
    },

    view(id: string): JobView | null {
      const job = jobs.get(id);
      if (!job) return null;
      const position = waiting.indexOf(job);
      return {
        id,
        state: job.state,
        ...(position >= 0 ? { position } : {}),
        result: job.result,
      };
    },

    /**
     * The events of job `id` after `afterId`, then every new one until `done`; returns an
     * unsubscribe function, or null for an unknown job. `done` means no more will come.
     */
    follow(
      id: string,
      afterId: number,
      listener: (e: StoredEvent) => void,
    ): { unsubscribe: () => void; done: boolean } | null {
      const job = jobs.get(id);
      if (!job) return null;
      for (const e of job.events) if (e.id > afterId) listener(e);
      if (job.state === 'done') return { unsubscribe: () => undefined, done: true };
      job.listeners.add(listener);
      return { unsubscribe: () => job.listeners.delete(listener), done: false };
    },

    /** The id of the last event of a job (0 for none), or null for an unknown job. */
    lastEventId(id: string): number | null {
      const job = jobs.get(id);
      return job ? job.events.length : null;
    },

    isDone(id: string): boolean {
      return jobs.get(id)?.state === 'done';
    },

    health() {
      return { running: running.size, queued: waiting.length };
    },

    /** Refuses new jobs, stops the running ones (`killed`) and drops the waiting ones. */
    async close(): Promise<void> {
      closed = true;
      for (const job of waiting.splice(0))
        finish(job, killed(job.target.id, 'the runner stopped before the job started'));
      for (const job of jobs.values()) job.abort.abort();
      await Promise.all([...running]);
    },
  };

  function refuse(
    httpStatus: Refusal['httpStatus'],
    code: string,
    message: string,
    retryAfterS?: number,
  ) {
    return {
      ok: false as const,
      refusal: { httpStatus, code, message, ...(retryAfterS === undefined ? {} : { retryAfterS }) },
    };
  }
}

export type JobService = ReturnType<typeof createJobService>;

function killed(target: string, reason: string): JobResult {
  return {
    status: 'killed',
    target,
    mechanism: null,
    exitCode: null,
    signal: null,
    durations: {},
    truncated: false,
    diagnostics: [],
    reason,
  };
}
