/**
 * Runs cases in worker threads under a watchdog. The pipeline is synchronous, so a case that
 * loops forever cannot be stopped from inside; a worker can be terminated from outside. Each
 * worker gets a stack about the size of Node's main thread (and of a browser worker), so a
 * recursion that would overflow in the CLI overflows here too.
 */
import { Worker } from 'node:worker_threads';
import type { CaseKind } from './generate.ts';
import type { CaseReport, Failure } from './run-case.ts';

export interface PoolOptions {
  /** Per-case limit: slower is a failure; past `limitMs * killFactor` the worker is killed. */
  limitMs: number;
  workers?: number;
  killFactor?: number;
  /** Worker stack (MiB); about Node's default main-thread stack. */
  stackSizeMb?: number;
  /** Worker heap (MiB): a case that needs more is a `crash` failure, not a dead machine. */
  heapMb?: number;
  onReport: (report: CaseReport) => void;
}

type Message =
  | { type: 'ready' }
  | { type: 'start'; seed: number; kind: CaseKind }
  | { type: 'stage'; seed: number; stage: string }
  | { type: 'done'; report: CaseReport }
  | { type: 'harness-error'; seed: number; message: string };

/** A report of a case that never finished: killed by the watchdog or a dead worker. */
function lost(
  seed: number,
  kind: CaseKind,
  stage: string,
  type: Failure['type'],
  message: string,
): CaseReport {
  return { seed, kind, ms: 0, stages: {}, failures: [{ seed, kind, stage, type, message }] };
}

/** Runs every seed once; reports arrive through `onReport` (in no particular order with >1 worker). */
export async function runSeeds(seeds: readonly number[], options: PoolOptions): Promise<void> {
  const queue = [...seeds];
  const workers = Math.max(1, Math.min(options.workers ?? 1, queue.length));
  await Promise.all(Array.from({ length: workers }, () => drain(queue, options)));
}

/**
 * A worker that cannot even start (the sources do not load) is retried a few times: the
 * sources may be mid-edit. Then the run fails with why.
 */
async function drain(queue: number[], options: PoolOptions): Promise<void> {
  let failedStarts = 0;
  while (queue.length > 0) {
    try {
      await runUntilLost(queue, options);
      failedStarts = 0;
    } catch (e) {
      if (++failedStarts >= 3) throw e;
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    }
  }
}

/** Feeds one worker until the queue is empty or the worker is lost (then a new one is made). */
function runUntilLost(queue: number[], options: PoolOptions): Promise<void> {
  const killAfter = options.limitMs * (options.killFactor ?? 1.5);
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
    workerData: { limitMs: options.limitMs },
    resourceLimits: {
      stackSizeMb: options.stackSizeMb ?? 1,
      maxOldGenerationSizeMb: options.heapMb ?? 1536,
    },
    stdout: true,
    stderr: true,
  });
  // The pipeline's own console output is not ours to show.
  worker.stdout.resume();
  worker.stderr.resume();
  return new Promise((resolve, reject) => {
    let ready = false;
    let seed: number | null = null;
    let kind: CaseKind = 'generated';
    let stage = 'start';
    let startedAt = 0;
    let stageAt = 0;
    /** Milliseconds per stage of the running case, from the stage messages, for hang reports. */
    const stageMs = new Map<string, number>();
    const slowest = (): string => {
      const all = new Map(stageMs);
      all.set(stage, (all.get(stage) ?? 0) + Date.now() - stageAt);
      return [...all]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([s, ms]) => `${s} ${(ms / 1000).toFixed(1)} s`)
        .join(', ');
    };
    let timer: NodeJS.Timeout | undefined;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve();
    };
    const next = () => {
      clearTimeout(timer);
      const s = queue.shift();
      if (s === undefined) return finish();
      seed = s;
      kind = 'generated';
      stage = 'generate';
      startedAt = Date.now();
      stageAt = startedAt;
      stageMs.clear();
      timer = setTimeout(() => {
        const secs = ((Date.now() - startedAt) / 1000).toFixed(1);
        options.onReport(
          lost(
            s,
            kind,
            stage,
            'hang',
            `killed after ${secs} s (limit ${options.limitMs / 1000} s) in stage ${stage} (${slowest()})`,
          ),
        );
        seed = null;
        finish();
      }, killAfter);
      worker.postMessage(s);
    };
    worker.on('message', (m: Message) => {
      if (finished) return;
      if (m.type === 'ready') {
        ready = true;
        next();
      } else if (m.type === 'start') kind = m.kind;
      else if (m.type === 'stage') {
        const now = Date.now();
        stageMs.set(stage, (stageMs.get(stage) ?? 0) + now - stageAt);
        stage = m.stage;
        stageAt = now;
      } else if (m.type === 'done') {
        seed = null;
        options.onReport(m.report);
        next();
      } else if (m.type === 'harness-error') {
        seed = null;
        options.onReport(
          lost(m.seed, kind, 'harness', 'exception', `fuzz harness bug: ${m.message}`),
        );
        next();
      }
    });
    const die = (why: string) => {
      if (finished) return;
      if (!ready) {
        finished = true;
        clearTimeout(timer);
        return reject(new Error(`a fuzz worker did not start: ${why}`));
      }
      if (seed !== null) options.onReport(lost(seed, kind, stage, 'crash', why));
      finish();
    };
    worker.on('error', (e) => die(`worker died: ${e.name}: ${e.message}`.slice(0, 300)));
    worker.on('exit', (code) => die(`worker exited with code ${code}`));
  });
}
