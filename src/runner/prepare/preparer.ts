import { Worker } from 'node:worker_threads';
import type { Workspace } from '../../core/pipeline/index.ts';
import type { Mechanism, SharingMode } from '../../core/model.ts';
import type { CheckedJob, InstantiatedJob } from '../build/prepare.ts';
import type { Enforcement, PrepareAnswer, PrepareRequest } from './protocol.ts';

/** Checks and instantiates jobs in a worker thread, with a time limit per step. */
export interface Preparer {
  check(
    ws: Workspace,
    mechanism: Mechanism | undefined,
    enforcement: Enforcement,
  ): Promise<Step<CheckedJob>>;
  instantiate(
    ws: Workspace,
    checked: Extract<CheckedJob, { status: 'ok' }>,
    sharing: SharingMode | undefined,
  ): Promise<Step<InstantiatedJob>>;
  /** Starts the worker now, so the first job does not wait for it (a fresh one loads the parser). */
  warm(): Promise<void>;
  close(): Promise<void>;
}

/** A step's answer, or why there is none (the time limit, a crashed worker). */
export type Step<T> = { ok: true; value: T } | { ok: false; timedOut: boolean; reason: string };

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

type Answer = PrepareAnswer | { kind: 'failed'; reason: string; timedOut?: boolean };

interface Pending {
  worker: Worker;
  resolve(a: Answer): void;
}

/**
 * One worker, started on first use and again after it was stopped. A step over `timeoutMs`
 * stops the worker (its other pending steps fail too) and answers with the reason; the next
 * step starts a fresh one.
 */
export function createPreparer(options: { timeoutMs: number }): Preparer {
  let worker: Worker | null = null;
  let ready: Promise<void> | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  /** Fails the steps sent to `w` (every step when `w` is null). */
  const failAll = (w: Worker | null, reason: string) => {
    for (const [id, p] of pending) {
      if (w !== null && p.worker !== w) continue;
      pending.delete(id);
      p.resolve({ kind: 'failed', reason });
    }
  };

  function start(): Promise<void> {
    const w = new Worker(ENTRY);
    // An idle worker does not keep the process alive (the runner's close stops it anyway).
    w.unref();
    worker = w;
    ready = new Promise((resolve, reject) => {
      w.once('message', () => resolve());
      w.once('error', reject);
    });
    w.on('message', (a: PrepareAnswer | { ready: true }) => {
      if (!('id' in a)) return;
      const p = pending.get(a.id);
      pending.delete(a.id);
      p?.resolve(a);
    });
    w.on('error', (e) => failAll(w, `the preparation worker failed: ${e.message}`));
    w.on('exit', () => {
      if (worker === w) {
        worker = null;
        ready = null;
      }
      failAll(w, 'the preparation worker stopped');
    });
    return ready;
  }

  async function send(req: PrepareRequest): Promise<Answer> {
    try {
      await (worker && ready ? ready : start());
    } catch (e) {
      worker = null;
      ready = null;
      return { kind: 'failed', reason: `the preparation worker did not start: ${String(e)}` };
    }
    const w = worker;
    if (!w) return { kind: 'failed', reason: 'the preparation worker did not start' };
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(req.id);
        resolve({
          kind: 'failed',
          timedOut: true,
          reason: `checking and rewriting took over ${options.timeoutMs / 1000} s`,
        });
        // A step that runs this long may never end: the worker is stopped, the next starts anew.
        if (worker === w) {
          worker = null;
          ready = null;
        }
        void w.terminate();
      }, options.timeoutMs);
      pending.set(req.id, {
        worker: w,
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
      });
      w.postMessage(req);
    });
  }

  function unwrap<T>(a: Answer, pick: (a: PrepareAnswer) => T | undefined): Step<T> {
    if (a.kind === 'failed') return { ok: false, timedOut: a.timedOut === true, reason: a.reason };
    if (a.kind === 'error')
      return {
        ok: false,
        timedOut: false,
        reason: `the preparation failed: ${a.message.split('\n')[0]}`,
      };
    const value = pick(a);
    return value === undefined
      ? { ok: false, timedOut: false, reason: 'unexpected answer' }
      : { ok: true, value };
  }

  return {
    async check(ws, mechanism, enforcement) {
      const id = nextId++;
      const a = await send({
        id,
        kind: 'check',
        ws,
        enforcement,
        ...(mechanism ? { mechanism } : {}),
      });
      return unwrap(a, (x) => (x.kind === 'check' ? x.checked : undefined));
    },
    async instantiate(ws, checked, sharing) {
      const id = nextId++;
      const a = await send({
        id,
        kind: 'instantiate',
        ws,
        checked,
        ...(sharing ? { sharing } : {}),
      });
      return unwrap(a, (x) => (x.kind === 'instantiate' ? x.inst : undefined));
    },
    async warm() {
      try {
        await (worker && ready ? ready : start());
      } catch {
        // The first step will say why it failed.
      }
    },
    async close() {
      const w = worker;
      worker = null;
      ready = null;
      failAll(null, 'the runner stopped');
      await w?.terminate();
    },
  };
}
