import { describe, expect, it, vi } from 'vitest';
import {
  ExploreClient,
  type ExploreOutcome,
  type StartedWorker,
} from '../../../src/app/state/explore-client.ts';
import type { Workspace, WorkspaceExploration } from '../../../src/core/pipeline/index.ts';

/** A worker whose answers the test gives by hand. */
interface FakeWorker extends StartedWorker {
  terminated: boolean;
  explorations: {
    answer: (r: WorkspaceExploration) => void;
    fail: (e: Error) => void;
    progress: (line: string) => void;
  }[];
  configs: { answer: (r: { file: string; text: string; kept: boolean }) => void }[];
  crash: (message: string) => void;
}

function fakeWorkers() {
  const started: FakeWorker[] = [];
  const notices: string[] = [];
  const start = (): FakeWorker => {
    let crashed: (message: string) => void = () => {};
    const fake: FakeWorker = {
      terminated: false,
      explorations: [],
      configs: [],
      calls: {
        explore: (_ws, _req, onProgress) =>
          new Promise((answer, fail) =>
            fake.explorations.push({ answer, fail, progress: onProgress }),
          ),
        configYamlFor: () => new Promise((answer) => fake.configs.push({ answer })),
      },
      terminate: () => void (fake.terminated = true),
      onCrash: (c) => void (crashed = c),
      crash: (message) => crashed(message),
    };
    started.push(fake);
    return fake;
  };
  const client = new ExploreClient(
    start,
    (n) => notices.push(n),
    () => 0,
  );
  return { client, started, notices };
}

const ws: Workspace = { files: {}, settings: { panel: 'explore' } };
const req = { order: 'flexos' as const, labels: 'none' as const };
const answer = (n: number): WorkspaceExploration => ({
  status: 'no-space',
  diagnostics: [
    { code: `n${n}`, severity: 'info', message: '', span: { file: '', start: 0, end: 0 } },
  ],
});
const worker = (started: FakeWorker[], i: number): FakeWorker => {
  const w = started[i];
  if (!w) throw new Error(`worker ${i} was never started`);
  return w;
};
const call = (w: FakeWorker, i: number) => {
  const c = w.explorations[i];
  if (!c) throw new Error(`call ${i} was never made`);
  return c;
};

describe('ExploreClient', () => {
  it('answers with progress on one memoised worker', async () => {
    const { client, started } = fakeWorkers();
    const lines: string[] = [];
    const first = client.explore(ws, req, (l) => lines.push(l));
    call(worker(started, 0), 0).progress('counting the frontier: 1/2 partitions');
    call(worker(started, 0), 0).answer(answer(1));
    expect(await first).toMatchObject({ status: 'done', exploration: answer(1) });
    const second = client.explore(ws, req, () => {});
    call(worker(started, 0), 1).answer(answer(2));
    expect(await second).toMatchObject({ status: 'done', exploration: answer(2) });
    expect(started).toHaveLength(1);
    expect(lines).toEqual(['counting the frontier: 1/2 partitions']);
  });

  it('a newer exploration supersedes the running one and stops its worker', async () => {
    const { client, started } = fakeWorkers();
    const lines: string[] = [];
    const first = client.explore(ws, req, (l) => lines.push(`first ${l}`));
    const second = client.explore(ws, req, (l) => lines.push(`second ${l}`));
    expect(await first).toEqual({ status: 'superseded' });
    expect(worker(started, 0).terminated).toBe(true);
    // A late line or answer of the stopped worker changes nothing.
    call(worker(started, 0), 0).progress('late');
    call(worker(started, 0), 0).answer(answer(1));
    call(worker(started, 1), 0).progress('now');
    call(worker(started, 1), 0).answer(answer(2));
    expect(await second).toMatchObject({ status: 'done', exploration: answer(2) });
    expect(lines).toEqual(['second now']);
  });

  it('cancel stops the worker at once and the next exploration starts a fresh one', async () => {
    const { client, started } = fakeWorkers();
    const running = client.explore(ws, req, () => {});
    expect(client.busy).toBe(true);
    expect(client.cancel()).toBe(true);
    expect(await running).toEqual({ status: 'cancelled' });
    expect(worker(started, 0).terminated).toBe(true);
    expect(client.busy).toBe(false);
    expect(client.cancel()).toBe(false);
    const next = client.explore(ws, req, () => {});
    call(worker(started, 1), 0).answer(answer(3));
    expect(await next).toMatchObject({ status: 'done' });
  });

  it('a crash restarts the worker with a notice and retries once, then fails', async () => {
    const { client, started, notices } = fakeWorkers();
    const outcome = client.explore(ws, req, () => {});
    worker(started, 0).crash('boom');
    expect(notices).toEqual(['The explore worker crashed (boom) and was restarted.']);
    expect(started).toHaveLength(2);
    worker(started, 1).crash('boom');
    expect(await outcome).toEqual({
      status: 'failed',
      message: 'the explore worker crashed (boom)',
    } satisfies ExploreOutcome);
    expect(started.every((w) => w.terminated)).toBe(true);
  });

  it('a crash while idle only replaces the worker', async () => {
    const { client, started, notices } = fakeWorkers();
    client.currentWorker();
    worker(started, 0).crash('idle');
    expect(notices).toHaveLength(1);
    const next = client.explore(ws, req, () => {});
    call(worker(started, 1), 0).answer(answer(4));
    expect(await next).toMatchObject({ status: 'done' });
  });

  it('an exploration that throws is a failure, and the worker is kept', async () => {
    const { client, started } = fakeWorkers();
    const outcome = client.explore(ws, req, () => {});
    call(worker(started, 0), 0).fail(new Error('bad'));
    expect(await outcome).toEqual({ status: 'failed', message: 'bad' });
    expect(worker(started, 0).terminated).toBe(false);
  });

  it('configFor survives the exploration it waited behind being superseded', async () => {
    const { client, started } = fakeWorkers();
    void client.explore(ws, req, () => {});
    const config = client.configFor(ws, 'kv|libc');
    void client.explore(ws, req, () => {});
    // The first worker is gone; the call went again to the second one.
    await vi.waitFor(() => expect(worker(started, 1).configs).toHaveLength(1));
    const retried = worker(started, 1).configs[0];
    if (!retried) throw new Error('configFor was not sent again');
    retried.answer({ file: 'config.yaml', text: 'compartments: []\n', kept: true });
    expect(await config).toEqual({ file: 'config.yaml', text: 'compartments: []\n', kept: true });
  });
});
