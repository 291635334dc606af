/**
 * Short links over HTTP (fastify inject, no port): storing a snapshot, reading it back, the
 * limits of size and rate, bad and unknown ids, the token, collisions of shortened ids.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkResponse,
  ShareCreated,
  ShareInfo,
  Snapshot,
  type ShareLimits,
} from '../../src/runner/api/index.ts';
import { toShortId } from '../../src/core/pipeline/index.ts';
import { withLimits } from '../../src/runner/limits.ts';
import { createRunnerServer, type RunnerServer } from '../../src/runner/service/server.ts';
import { createShareService } from '../../src/runner/service/share-service.ts';
import {
  createSqliteSnapshotStore,
  type SnapshotStore,
} from '../../src/runner/service/snapshot-store.ts';
import { createFakeTarget } from '../../src/runner/targets/fake.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();
const open: { server: RunnerServer; store: SnapshotStore }[] = [];

afterEach(async () => {
  for (const { server, store } of open.splice(0)) {
    await server.close();
    store.close();
  }
});

interface Setup {
  limits?: Partial<ShareLimits>;
  idChars?: number;
  token?: string;
  clock?: { t: number };
}

function setUp(setup: Setup = {}) {
  const store = createSqliteSnapshotStore(':memory:');
  const clock = setup.clock ?? { t: 1_000_000 };
  const share = createShareService({
    store,
    limits: { snapshotBytes: 64 * 1024, snapshotsPerHour: 100, ...setup.limits },
    hash: sha256,
    now: () => clock.t,
    ...(setup.idChars !== undefined ? { idChars: setup.idChars } : {}),
  });
  const server = createRunnerServer({
    targets: [createFakeTarget()],
    limits: withLimits(),
    share,
    ...(setup.token !== undefined ? { token: setup.token } : {}),
  });
  open.push({ server, store });
  const post = (body: unknown, headers: Record<string, string> = {}, ip = '10.0.0.1') =>
    server.app.inject({
      method: 'POST',
      url: '/api/share',
      remoteAddress: ip,
      headers: { 'content-type': 'application/json', host: '127.0.0.1:4173', ...headers },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = (id: string) => server.app.inject({ method: 'GET', url: `/api/share/${id}` });
  return { server, store, post, get, clock };
}

const payload = (text: string, extra: Record<string, unknown> = {}) => ({
  files: { 'config.yaml': text, 'libs/kv/kv.c': 'int x; /* é */\n' },
  settings: { panel: 'explore' },
  ...extra,
});

describe('POST and GET /api/share', () => {
  it('stores a snapshot under a content id and reads it back as sent', async () => {
    const { post, get } = setUp();
    const sent = payload('name: a\n', { extras: { explore: { budget: '>=5' }, exercise: [1] } });
    const res = await post({ version: 1, payload: sent });
    expect(res.statusCode).toBe(201);
    const created = checkResponse(ShareCreated, res.json());
    expect(created.ok).toBe(true);
    const { id, path, url } = res.json<ShareCreated>();
    expect(id).toMatch(/^[1-9A-HJ-NP-Za-km-z]{14}$/);
    expect(path).toBe(`/s/${id}`);
    expect(url).toBe(`http://127.0.0.1:4173/s/${id}`);

    const back = await get(id);
    expect(back.statusCode).toBe(200);
    expect(back.headers['cache-control']).toContain('immutable');
    expect(checkResponse(Snapshot, back.json()).ok).toBe(true);
    expect(back.json()).toEqual({ id, version: 1, payload: sent });
  });

  it('gives the same workspace the same id, whatever the order of its files', async () => {
    const { post, store } = setUp();
    const a = await post({ version: 1, payload: payload('name: a\n') });
    const files = payload('name: a\n').files;
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    const b = await post({
      version: 1,
      payload: { files: reversed, settings: { panel: 'explore' } },
    });
    expect(b.statusCode).toBe(200);
    expect(b.json()).toMatchObject({ id: a.json<ShareCreated>().id, created: false });
    const c = await post({ version: 1, payload: payload('name: b\n') });
    expect(c.json<ShareCreated>().id).not.toBe(a.json<ShareCreated>().id);
    expect(store.count()).toBe(2);
  });

  it('refuses what the pipeline refuses, with its reason', async () => {
    const { post, store } = setUp();
    for (const [body, code] of [
      [{ version: 1, payload: { files: { '../etc/passwd': 'x' } } }, 'bad-snapshot'],
      [{ version: 1, payload: { files: { a: 1 } } }, 'bad-snapshot'],
      [{ version: 2, payload: payload('x') }, 'bad-snapshot'],
      [{ version: 1 }, 'bad-request'],
      [{ version: 1, payload: payload('x'), more: 1 }, 'bad-request'],
      [{ version: 'one', payload: payload('x') }, 'bad-request'],
    ] as const) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toBeTruthy();
    }
    expect((await post('{"version":1,')).statusCode).toBe(400);
    expect(store.count()).toBe(0);
  });

  it('refuses a snapshot over the size limit and says how large it is', async () => {
    const { post, server } = setUp({ limits: { snapshotBytes: 1000 } });
    const res = await post({ version: 1, payload: payload('x'.repeat(1200)) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'too-large' });
    expect(res.json().error.message).toMatch(/1\.\d KiB.*up to 1000 bytes/);
    // Far over: fastify stops reading the body; still our error shape.
    const huge = await post({ version: 1, payload: payload('x'.repeat(200_000)) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('too-large');
    const info = await server.app.inject({ method: 'GET', url: '/api/share' });
    expect(checkResponse(ShareInfo, info.json()).ok).toBe(true);
    expect(info.json()).toEqual({
      idChars: 14,
      servesApp: false,
      limits: { snapshotBytes: 1000, snapshotsPerHour: 100 },
    });
  });

  it('limits new snapshots per address per hour, not repeats of stored ones', async () => {
    const clock = { t: 5_000_000 };
    const { post } = setUp({ limits: { snapshotsPerHour: 3 }, clock });
    for (let i = 0; i < 3; i++) {
      expect((await post({ version: 1, payload: payload(`n: ${i}\n`) })).statusCode).toBe(201);
      clock.t += 60_000;
    }
    const refused = await post({ version: 1, payload: payload('n: 3\n') });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('rate-limited');
    // The first of the three leaves the window 60 min after it was stored: 57 min from now.
    expect(refused.headers['retry-after']).toBe(String(57 * 60));
    // Sharing a stored one again costs nothing; another address has its own count.
    expect((await post({ version: 1, payload: payload('n: 0\n') })).statusCode).toBe(200);
    expect(
      (await post({ version: 1, payload: payload('n: 3\n') }, {}, '10.0.0.2')).statusCode,
    ).toBe(201);
    // 57 min on, the first has left the window: one more fits, then none again.
    clock.t += 57 * 60_000;
    expect((await post({ version: 1, payload: payload('n: 4\n') })).statusCode).toBe(201);
    expect((await post({ version: 1, payload: payload('n: 5\n') })).statusCode).toBe(429);
  });

  it('answers malformed ids with 400 and unknown ones with 404, with messages', async () => {
    const { get } = setUp();
    for (const bad of ['short', '0OIl0OIl0OIl0O', 'a'.repeat(15), '%E2%9C%93'.repeat(14)]) {
      const res = await get(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code).toBe('bad-id');
      expect(res.json().error.message).toMatch(/not a short-link id/);
    }
    const unknown = await get('a'.repeat(14));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toMatchObject({ code: 'unknown-id' });
    expect(unknown.headers['cache-control']).toBe('no-store');
  });

  it('asks for the token to store, never to read', async () => {
    const { post, get } = setUp({ token: 'class-7' });
    const denied = await post({ version: 1, payload: payload('t') });
    expect(denied.statusCode).toBe(401);
    const ok = await post(
      { version: 1, payload: payload('t') },
      { authorization: 'Bearer class-7' },
    );
    expect(ok.statusCode).toBe(201);
    expect((await get(ok.json<ShareCreated>().id)).statusCode).toBe(200);
  });
});

describe('ids shortened until they collide', () => {
  it('give a colliding snapshot the next free id and overwrite nothing', async () => {
    // One-character ids: 58 of them, so a few dozen snapshots must collide.
    const { post, get, store } = setUp({ idChars: 1 });
    const ids = new Map<string, string>();
    for (let i = 0; i < 30; i++) {
      const text = `n: ${i}\n`;
      const res = await post({ version: 1, payload: payload(text) });
      expect(res.statusCode).toBe(201);
      const { id } = res.json<ShareCreated>();
      expect(ids.has(id), `id ${id} handed out twice`).toBe(false);
      ids.set(id, text);
    }
    expect(store.count()).toBe(30);
    // Some of them did collide: their id is not the first candidate, the plain hash.
    const moved = [...ids].filter(([id, text]) => {
      const body = JSON.stringify({ files: payload(text).files, settings: { panel: 'explore' } });
      return toShortId(sha256(new TextEncoder().encode(body)), 1) !== id;
    });
    expect(moved.length).toBeGreaterThan(0);
    for (const [id, text] of ids) {
      const back = await get(id);
      expect(back.json().payload.files['config.yaml']).toBe(text);
      // Storing it again finds the same id along the same chain of candidates.
      const again = await post({ version: 1, payload: payload(text) });
      expect(again.json()).toMatchObject({ id, created: false });
    }
  });

  it('say so when every candidate is taken', async () => {
    const { post } = setUp({ idChars: 1, limits: { snapshotsPerHour: 1000 } });
    const codes = new Set<number>();
    for (let i = 0; i < 80; i++)
      codes.add((await post({ version: 1, payload: payload(`m: ${i}\n`) })).statusCode);
    expect(codes.has(503)).toBe(true);
  });
});
