/**
 * `npm start`'s one server: the built app's files beside the runner's API (startRunner with
 * `appDir`). A temporary folder with a fake build stands in for dist/, so no Vite build is
 * needed; the fake target stands in for gcc.
 */
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunner, type StartedRunner } from '../../src/runner/runner.ts';
import { requestSegments } from '../../src/runner/service/static-app.ts';
import { createFakeTarget } from '../../src/runner/targets/fake.ts';
import { readEvents } from './sse-client.ts';

const INDEX = '<!doctype html><title>fake build</title>\n';
const SECRET = 'the secret next to the app folder';
let tmp: string;
let runner: StartedRunner;
let port: number;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'flexos-serve-app-'));
  const app = join(tmp, 'app');
  mkdirSync(join(app, 'assets'), { recursive: true });
  writeFileSync(join(app, 'index.html'), INDEX);
  writeFileSync(join(app, 'assets', 'index-abc123.js'), 'export const x = 1;\n');
  writeFileSync(join(app, 'assets', 'worker-abc123.mjs'), 'self.onmessage = () => {};\n');
  writeFileSync(join(app, 'assets', 'tree-sitter-abc123.wasm'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(app, 'assets', 'index-abc123.css'), 'body { margin: 0 }\n');
  writeFileSync(join(app, 'assets', 'font.unknownext'), 'x');
  writeFileSync(join(app, '.hidden'), 'hidden');
  writeFileSync(join(tmp, 'secret.txt'), SECRET);
  symlinkSync(join(tmp, 'secret.txt'), join(app, 'leak.txt'));
  runner = await startRunner({ appDir: app, targets: [createFakeTarget()] });
  port = Number(new URL(runner.url).port);
});

afterAll(async () => {
  await runner?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path sent exactly as given: fetch would resolve `..` itself. */
function raw(path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the built app, served by the runner', () => {
  it('answers / with index.html and the cross-origin isolation headers', async () => {
    for (const path of ['/', '/index.html', '/?debug']) {
      const a = await raw(path);
      expect(a.status, path).toBe(200);
      expect(a.body).toBe(INDEX);
      expect(a.headers).toMatchObject({
        'content-type': 'text/html; charset=utf-8',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
        'cross-origin-resource-policy': 'same-origin',
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
        'content-length': String(INDEX.length),
      });
    }
  });

  it('gives each file its content type; hashed assets are cached for good', async () => {
    const cases = [
      ['/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
      ['/assets/worker-abc123.mjs', 'text/javascript; charset=utf-8'],
      ['/assets/tree-sitter-abc123.wasm', 'application/wasm'],
      ['/assets/index-abc123.css', 'text/css; charset=utf-8'],
      ['/assets/font.unknownext', 'application/octet-stream'],
    ];
    for (const [path, type] of cases) {
      const a = await raw(path as string);
      expect(a.status, path).toBe(200);
      expect(a.headers['content-type'], path).toBe(type);
      expect(a.headers['cross-origin-embedder-policy']).toBe('require-corp');
      expect(a.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    const wasm = await raw('/assets/tree-sitter-abc123.wasm');
    expect(Buffer.from(wasm.body, 'latin1')).toEqual(Buffer.from([0, 97, 115, 109]));
  });

  it('answers HEAD with the headers only, and an unchanged page with 304', async () => {
    const head = await raw('/assets/index-abc123.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe('20');
    const first = await raw('/');
    const again = await raw('/', 'GET', {
      'If-Modified-Since': first.headers['last-modified'] as string,
    });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it('opens a short link /s/<id> with the app page, whatever the request accepts', async () => {
    for (const path of ['/s/abcdefghijkmno', '/s/not-even-an-id', '/s/x/']) {
      const a = await raw(path);
      expect(a.status, path).toBe(200);
      expect(a.body, path).toBe(INDEX);
      expect(a.headers['cross-origin-embedder-policy']).toBe('require-corp');
    }
    expect((await raw('/s/a/b')).status).toBe(404);
    const info = await raw('/api/share');
    expect(JSON.parse(info.body)).toMatchObject({ servesApp: true });
  });

  it('lists no directory and serves no hidden file', async () => {
    for (const path of ['/assets', '/assets/', '/.hidden', '/assets/missing.js']) {
      const a = await raw(path);
      expect(a.status, path).toBe(404);
      expect(a.body, path).toBe('not found\n');
    }
  });

  it('never leaves the app folder: .., encoded .., encoded slashes, links, NUL', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/leak.txt',
      '/index.html%00.js',
      '/%e0%a4%a',
    ];
    for (const path of attempts) {
      const a = await raw(path, 'GET', { Accept: 'text/html' });
      expect(a.body, path).not.toContain(SECRET);
      expect(a.status, path).toBeGreaterThanOrEqual(400);
    }
  });

  it('answers a page path with index.html, as vite preview does for a single-page app', async () => {
    const page = await raw('/some/page', 'GET', { Accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX);
    expect((await raw('/some/page')).status).toBe(404);
    expect((await raw('/missing.js', 'GET', { Accept: 'text/html' })).status).toBe(404);
  });
});

describe('the runner API next to the app', () => {
  it('still answers its routes, and its 404s stay JSON', async () => {
    const health = await fetch(`${runner.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const unknown = await raw('/api/nope', 'GET', { Accept: 'text/html' });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({
      error: { code: 'not-found', message: 'no such route' },
    });
    const post = await fetch(`${runner.url}/`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(404);
  });

  it('runs a job on the same origin as the page', async () => {
    const res = await fetch(`${runner.url}/api/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ files: { 'config.yaml': 'x' }, target: 'fake', stdin: 'hi' }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const { events } = await readEvents(`${runner.url}/api/jobs/${id}/events`);
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { status: 'ok' } });
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'stdout', data: { text: 'hi' } }),
    );
  });
});

describe('a folder without a build', () => {
  it('is refused at start, with what to do', async () => {
    await expect(startRunner({ appDir: tmp, targets: [createFakeTarget()] })).rejects.toThrow(
      /holds no built app \(no index\.html\): run npx vite build first/,
    );
  });
});

describe('requestSegments', () => {
  it('decodes each segment and refuses what could leave the folder', () => {
    expect(requestSegments('/')).toEqual([]);
    expect(requestSegments('/a//b%20c/d.js?x=1#y')).toEqual(['a', 'b c', 'd.js']);
    for (const bad of ['/..', '/a/%2e%2E/b', '/a%2fb', '/a%5cb', '/%00', '/.env', '/%zz', 'x'])
      expect(requestSegments(bad), bad).toBeNull();
  });
});
