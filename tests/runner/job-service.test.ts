import { describe, expect, it } from 'vitest';
import type { JobEvent } from '../../src/runner/api/schemas.ts';
import { withLimits, DEFAULT_LIMITS } from '../../src/runner/limits.ts';
import { createJobService, type StoredEvent } from '../../src/runner/service/job-service.ts';
import { createFakeTarget } from '../../src/runner/targets/fake.ts';

/** A fake target whose jobs wait until released, one by one, in order. */
function gatedTarget() {
  const gates: (() => void)[] = [];
  const target = createFakeTarget({
    behave: (_job, ctx) =>
      new Promise((resolve) => {
        gates.push(() => resolve({ exitCode: 0 }));
        ctx.signal.addEventListener('abort', () => resolve({ status: 'killed' }));
      }),
  });
  return { target, release: () => gates.shift()?.() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const request = { files: {}, target: 'fake' };

function collect(service: ReturnType<typeof createJobService>, id: string, after = 0) {
  const seen: StoredEvent[] = [];
  service.follow(id, after, (e) => seen.push(e));
  return seen;
}

describe('job service', () => {
  it('runs at most `concurrency` jobs and tells the waiting ones their position', async () => {
    const { target, release } = gatedTarget();
    const limits = withLimits({ queue: { concurrency: 1, maxQueued: 5 } });
    const service = createJobService({ targets: [target], limits });
    const ids = [0, 1, 2].map(() => {
      const r = service.submit(request, 'c');
      if (!r.ok) throw new Error('refused');
      return r.id;
    });
    const third = collect(service, ids[2] as string);
    expect(service.health()).toEqual({ running: 1, queued: 2 });
    expect(service.view(ids[2] as string)).toMatchObject({ state: 'queued', position: 1 });
    release();
    await tick();
    await tick();
    expect(service.view(ids[0] as string)).toMatchObject({
      state: 'done',
      result: { status: 'ok' },
    });
    const positions = third
      .filter((e) => e.event.event === 'queued')
      .map((e) => (e.event as Extract<JobEvent, { event: 'queued' }>).data.position);
    expect(positions).toEqual([1, 0]);
    await service.close();
    expect(service.view(ids[2] as string)?.result?.status).toBe('killed');
  });

  it('refuses when the queue is full, and past the rate limit, with a time to retry', async () => {
    const { target } = gatedTarget();
    const limits = withLimits({
      queue: { concurrency: 1, maxQueued: 1 },
      rate: { jobsPerMinute: 60, burst: 100 },
    });
    const service = createJobService({ targets: [target], limits });
    expect(service.submit(request, 'a').ok).toBe(true);
    expect(service.submit(request, 'a').ok).toBe(true);
    expect(service.submit(request, 'a')).toMatchObject({
      ok: false,
      refusal: { httpStatus: 429, code: 'queue-full' },
    });
    await service.close();

    let t = 0;
    const rated = createJobService({
      targets: [createFakeTarget()],
      limits: withLimits({ rate: { jobsPerMinute: 6, burst: 2 } }),
      now: () => t,
    });
    expect(rated.submit(request, 'x').ok).toBe(true);
    expect(rated.submit(request, 'x').ok).toBe(true);
    expect(rated.submit(request, 'x')).toMatchObject({
      ok: false,
      refusal: { code: 'rate-limited', retryAfterS: 10 },
    });
    expect(rated.submit(request, 'y').ok).toBe(true); // another client
    t = 10_000;
    expect(rated.submit(request, 'x').ok).toBe(true);
    await rated.close();
  });

  it('refuses unknown targets and mechanisms the target does not enforce', () => {
    const service = createJobService({ targets: [createFakeTarget()], limits: DEFAULT_LIMITS });
    expect(service.submit({ files: {}, target: 'nope' }, 'c')).toMatchObject({
      ok: false,
      refusal: { code: 'unknown-target' },
    });
    expect(
      service.submit({ files: {}, target: 'fake', mechanism: 'intel-mpk' }, 'c'),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'unsupported-mechanism', httpStatus: 400 },
    });
  });

  it('replays the events after a given id, without loss or repetition', async () => {
    const service = createJobService({ targets: [createFakeTarget()], limits: DEFAULT_LIMITS });
    const r = service.submit({ ...request, stdin: 'hi' }, 'c');
    if (!r.ok) throw new Error('refused');
    await tick();
    const all = collect(service, r.id);
    expect(all.map((e) => e.event.event)).toEqual([
      'queued',
      'phase',
      'phase',
      'phase',
      'phase',
      'stdout',
      'done',
    ]);
    expect(all.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(collect(service, r.id, 5).map((e) => e.id)).toEqual([6, 7]);
    await service.close();
  });

  it('ends a job whose target throws as killed, and reports the bug', async () => {
    const bugs: unknown[] = [];
    const target = createFakeTarget({ behave: () => Promise.reject(new Error('boom')) });
    const service = createJobService({
      targets: [target],
      limits: DEFAULT_LIMITS,
      onBug: (e) => bugs.push(e),
    });
    const r = service.submit(request, 'c');
    if (!r.ok) throw new Error('refused');
    await tick();
    await tick();
    expect(service.view(r.id)?.result?.status).toBe('killed');
    expect(bugs).toHaveLength(1);
    await service.close();
  });
});
