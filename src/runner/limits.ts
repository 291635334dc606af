import type { RunnerLimits } from './api/schemas.ts';
import type { ShareLimits } from './api/share-schemas.ts';

const MiB = 1024 * 1024;

/**
 * The limits a runner starts with. Every one can be changed when the runner is created (tests
 * shorten the time limits) and every one is reported by `GET /api/targets`.
 */
export const DEFAULT_LIMITS: RunnerLimits = {
  prepareMs: 20_000,
  compile: {
    cpuSeconds: 20,
    wallMs: 30_000,
    memoryBytes: 1024 * MiB,
    processes: 64,
    fileSizeBytes: 64 * MiB,
    openFiles: 256,
    tmpBytes: 128 * MiB,
  },
  run: {
    cpuSeconds: 5,
    wallMs: 10_000,
    memoryBytes: 512 * MiB,
    processes: 32,
    fileSizeBytes: 16 * MiB,
    openFiles: 64,
    tmpBytes: 16 * MiB,
  },
  outputBytes: MiB,
  request: {
    bodyBytes: 10 * MiB,
    files: 500,
    fileChars: 1_000_000,
    totalChars: 8_000_000,
    pathChars: 200,
    args: 64,
    argChars: 4096,
    stdinChars: MiB,
  },
  queue: { concurrency: 2, maxQueued: 32 },
  rate: { jobsPerMinute: 60, burst: 20 },
};

/** Limits with some groups replaced, e.g. `{ run: { ...DEFAULT_LIMITS.run, wallMs: 1000 } }`. */
export function withLimits(changes: Partial<RunnerLimits> = {}): RunnerLimits {
  return { ...DEFAULT_LIMITS, ...changes };
}

/**
 * Limits of short links, reported by `GET /api/share`. 1 MiB holds every example many times
 * over (the largest is under 100 KiB as a snapshot); 120 new ones an hour let a class of 30
 * behind one address (a school's NAT) share four times each, while a script filling the disk
 * is stopped. Sharing the same workspace again stores nothing and is not counted.
 */
export const DEFAULT_SHARE_LIMITS: ShareLimits = {
  snapshotBytes: MiB,
  snapshotsPerHour: 120,
};
