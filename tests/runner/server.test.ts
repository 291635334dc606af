/**
 * The HTTP API with the fake target: status codes, error bodies, schemas at the client's end,
 * the event stream and its resumption, limits on requests, CORS and the token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResponse, Health, JobView, TargetsResponse } from '../../src/runner/api/index.ts';
import { withLimits } from '../../src/runner/limits.ts';
import { createRunnerServer, type RunnerServer } from '../../src/runner/service/server.ts';
import { createFakeTarget } from '../../src/runner/targets/fake.ts';
import { readEvents } from './sse-client.ts';

let server: RunnerServer;
let base: string;
const release: (() => void)[] = [];

beforeAll(async () => {
  const target = createFakeTarget({
    behave: (job, ctx) =>
      new Promise((resolve) => {
        ctx.emit({ event: 'stdout', data: { text: job.stdin ?? '' } });
        if (job.args?.[0] !== 'hold') return resolve({ exitCode: 0 });
        release.push(() => resolve({ exitCode: 0 }));
        ctx.signal.addEventListener('abort', () => resolve({ status: 'killed' }));
      }),
  });
  server = createRunnerServer({
    targets: [target],
    limits: withLimits({
      queue: { concurrency: 1, maxQueued: 2 },
      rate: { jobsPerMinute: 6000, burst: 1000 },
    }),
    allowOrigin: 'http://class.example',
  });
  base = await server.app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  for (const r of release) r();
  await server.close();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function waitDone(id: string): Promise<JobView> {
  for (;;) {
    const view = (await (await fetch(`${base}/api/jobs/${id}`)).json()) as JobView;
    if (view.state === 'done') return view;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('runner API (fake target)', () => {
  it('answers health and targets in their schemas', async () => {
    const health = await (await fetch(`${base}/api/health`)).json();
    expect(checkResponse(Health, health).ok).toBe(true);
    const targets = await (await fetch(`${base}/api/targets`)).json();
    const checked = checkResponse(TargetsResponse, targets);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.value.targets.map((t) => t.id)).toEqual(['fake']);
  });

  it('accepts a job (202), streams its events, and keeps its result', async () => {
    const res = await post({ files: { 'config.yaml': '' }, target: 'fake', stdin: 'hello' });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    expect(res.headers.get('location')).toBe(`/api/jobs/${id}`);
    const { status, events } = await readEvents(`${base}/api/jobs/${id}/events`);
    expect(status).toBe(200);
    expect(events.map((e) => e.event)).toEqual([
      'queued',
      'phase',
      'phase',
      'phase',
      'phase',
      'stdout',
      'done',
    ]);
    expect(events[5]?.data).toEqual({ text: 'hello' });
    const view = await waitDone(id);
    expect(checkResponse(JobView, view).ok).toBe(true);
    expect(view.result?.status).toBe('ok');
  });

  it('resumes the stream after Last-Event-ID, and answers 204 once everything was read', async () => {
    const { id } = (await (await post({ files: {}, target: 'fake', stdin: 'x' })).json()) as {
      id: string;
    };
    await waitDone(id);
    const resumed = await readEvents(`${base}/api/jobs/${id}/events`, { 'Last-Event-ID': '4' });
    expect(resumed.events.map((e) => e.id)).toEqual([5, 6, 7]);
    const viaQuery = await readEvents(`${base}/api/jobs/${id}/events?lastEventId=6`);
    expect(viaQuery.events.map((e) => e.event)).toEqual(['done']);
    const finished = await readEvents(`${base}/api/jobs/${id}/events`, { 'Last-Event-ID': '7' });
    expect(finished.status).toBe(204);
  });

  it.each([
    ['malformed JSON', '{"files": {', 400, 'bad-json'],
    ['path traversal', { files: { '../../etc/passwd': 'x' }, target: 'fake' }, 400, 'bad-path'],
    ['an absolute path', { files: { '/etc/passwd': 'x' }, target: 'fake' }, 400, 'bad-path'],
    ['NUL in a file name', { files: { 'libs/a/b\u0000.c': 'x' }, target: 'fake' }, 400, 'bad-path'],
    ['an unknown target', { files: {}, target: 'qemu' }, 400, 'unknown-target'],
    [
      'an unenforced mechanism',
      { files: {}, target: 'fake', mechanism: 'vm-ept' },
      400,
      'unsupported-mechanism',
    ],
    [
      'a prototype-polluting key',
      '{"files": {}, "target": "fake", "__proto__": {"x": 1}}',
      400,
      'bad-json',
    ],
  ])('refuses %s with %i {error: {code: %s}}', async (_what, body, status, code) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('refuses a 50 MB request with 413', async () => {
    const body = JSON.stringify({ files: { 'a.c': 'x'.repeat(50 * 1024 * 1024) }, target: 'fake' });
    const res = await post(body).catch((e: unknown) => e);
    // The server may answer before it has read everything; either way it never takes it.
    if (res instanceof Response) {
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too-large');
    } else {
      expect(String(res)).toMatch(/fetch failed|socket|EPIPE|ECONNRESET/);
    }
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('answers 429 with Retry-After when the queue is full', async () => {
    const held = [];
    for (let i = 0; i < 3; i++)
      held.push(await post({ files: {}, target: 'fake', args: ['hold'] }));
    expect(held.map((r) => r.status)).toEqual([202, 202, 202]);
    const full = await post({ files: {}, target: 'fake' });
    expect(full.status).toBe(429);
    expect(Number(full.headers.get('retry-after'))).toBeGreaterThan(0);
    const ids = await Promise.all(held.map(async (r) => ((await r.json()) as { id: string }).id));
    const view = (await (await fetch(`${base}/api/jobs/${ids[2]}`)).json()) as JobView;
    expect(view).toMatchObject({ state: 'queued', position: 1 });
    while (release.length > 0 || (await waitAny(ids))) release.shift()?.();
    for (const id of ids) expect((await waitDone(id)).result?.status).toBe('ok');
  });

  it('answers 404 for unknown jobs and routes', async () => {
    expect((await fetch(`${base}/api/jobs/nope`)).status).toBe(404);
    expect((await fetch(`${base}/api/jobs/nope/events`)).status).toBe(404);
    expect((await fetch(`${base}/api/nothing`)).status).toBe(404);
  });

  it('lets the allowed origin call it, and only that one', async () => {
    const ok = await fetch(`${base}/api/health`, { headers: { origin: 'http://class.example' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://class.example');
    const other = await fetch(`${base}/api/health`, { headers: { origin: 'http://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${base}/api/jobs`, {
      method: 'OPTIONS',
      headers: { origin: 'http://class.example' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Last-Event-ID');
  });
});

/** Whether some job of `ids` is not done yet (and waits a little). */
async function waitAny(ids: string[]): Promise<boolean> {
  await new Promise((r) => setTimeout(r, 10));
  for (const id of ids) {
    const view = (await (await fetch(`${base}/api/jobs/${id}`)).json()) as JobView;
    if (view.state !== 'done') return true;
  }
  return false;
}

describe('runner API with a token', () => {
  it('needs the token on job routes, not on health', async () => {
    const s = createRunnerServer({
      targets: [createFakeTarget()],
      limits: withLimits(),
      token: 's3cret',
    });
    const url = await s.app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const body = JSON.stringify({ files: {}, target: 'fake' });
      const headers = { 'content-type': 'application/json' };
      expect((await fetch(`${url}/api/jobs`, { method: 'POST', headers, body })).status).toBe(401);
      const ok = await fetch(`${url}/api/jobs`, {
        method: 'POST',
        headers: { ...headers, authorization: 'Bearer s3cret' },
        body,
      });
      expect(ok.status).toBe(202);
      const { id } = (await ok.json()) as { id: string };
      expect((await fetch(`${url}/api/jobs/${id}`)).status).toBe(401);
      expect((await fetch(`${url}/api/jobs/${id}/events?token=s3cret`)).status).toBe(200);
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
