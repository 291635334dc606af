/** Helpers of the tests that build and run real jobs (gcc, bubblewrap). */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { JobResult } from '../../src/runner/api/schemas.ts';
import { readEvents, type SseEvent } from './sse-client.ts';

export const root = resolve(import.meta.dirname, '../..');

/**
 * Whether gcc, bubblewrap and prlimit are here (npm test installs them as root) and
 * bubblewrap may create namespaces (some containers forbid it).
 */
export function hasToolchain(): boolean {
  const runs = (cmd: string, args: string[]) =>
    spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
  return (
    runs('gcc', ['--version']) &&
    runs('prlimit', ['--version']) &&
    runs('bwrap', ['--unshare-all', '--unshare-user', '--ro-bind', '/', '/', 'true'])
  );
}

/** The files of examples/<name>, as the browser would send them. */
export function loadExample(name: string): Record<string, string> {
  const dir = join(root, 'examples', name);
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${entry}` : entry;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else files[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  walk('');
  return files;
}

/** A one-library `fcalls` workspace whose program is `main`. */
export function programWorkspace(main: string): Record<string, string> {
  return {
    'config.yaml': [
      'name: hostile',
      'compartments:',
      '  - main:',
      '      mechanism: fcalls',
      '      default: true',
      'libraries:',
      '  - app: main',
      '',
    ].join('\n'),
    'libs/app/main.c': main,
  };
}

export interface Finished {
  id: string;
  result: JobResult;
  events: SseEvent[];
  /** Milliseconds from the POST to the `done` event. */
  ms: number;
}

/** Submits a job, follows its events to `done`; the job's result and all its events. */
export async function runJob(
  base: string,
  body: object,
  onEvent?: (e: SseEvent) => void,
): Promise<Finished> {
  const started = performance.now();
  const res = await fetch(`${base}/api/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 202) throw new Error(`POST /api/jobs: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const { events } = await readEvents(`${base}/api/jobs/${id}/events`, {}, onEvent);
  const ms = performance.now() - started;
  const done = events.at(-1);
  if (done?.event !== 'done') throw new Error(`no done event: ${JSON.stringify(events.slice(-3))}`);
  return { id, result: done.data as JobResult, events, ms };
}

/** Everything the program wrote to `stream`. */
export function output(f: Finished, stream: 'stdout' | 'stderr' = 'stdout'): string {
  return f.events
    .filter((e) => e.event === stream)
    .map((e) => (e.data as { text: string }).text)
    .join('');
}

/** Processes of the given uids still alive on the host. */
export function processesOf(uids: number[]): string[] {
  const r = spawnSync('ps', ['-eo', 'uid=,pid=,comm='], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((l) => uids.includes(Number(l.trim().split(/\s+/)[0])));
}

/** The runner's own files in its jobs folder (not job directories). */
export const RUNNER_FILES = ['reaper', 'guest-init'];
