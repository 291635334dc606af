/**
 * The page's side of short links against a real runner that serves an app folder: making a
 * link (only where `/s/<id>` opens the app), opening one, and what the page says when the id
 * is unknown or malformed or no runner answers. The page's relative `/api/...` requests are
 * resolved against the runner's origin, as a browser on that origin does.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShortLink, readShortLink } from '../../src/app/state/short-link.ts';
import { startRunner, type StartedRunner } from '../../src/runner/runner.ts';
import { createFakeTarget } from '../../src/runner/targets/fake.ts';

let tmp: string;
let withApp: StartedRunner;
let apiOnly: StartedRunner;

/** `fetch` as a page served from `origin` does it: relative URLs against that origin. */
const pageFetch =
  (origin: string): typeof fetch =>
  (input, init) =>
    fetch(new URL(String(input), origin), init);

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'flexos-short-link-'));
  mkdirSync(join(tmp, 'app'));
  writeFileSync(join(tmp, 'app', 'index.html'), '<!doctype html>\n');
  withApp = await startRunner({ targets: [createFakeTarget()], appDir: join(tmp, 'app') });
  apiOnly = await startRunner({ targets: [createFakeTarget()] });
});

afterAll(async () => {
  await withApp?.close();
  await apiOnly?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const ws = {
  files: { 'config.yaml': 'name: demo # ✓\n', 'README.md': '# Démo\n' },
  settings: { panel: 'explore' },
};
const extras = { explore: { order: 'product', budget: '>=10' }, exercise: { done: 1 } };

describe('short links in the page', () => {
  it('are made on the page’s own origin and open with files and extras', async () => {
    const page = `${withApp.url}/?debug`;
    const made = await createShortLink(ws, extras, { url: '', token: '' }, page, pageFetch(page));
    if (made.status !== 'ok') throw new Error(made.reason);
    expect(made.link).toMatch(new RegExp(`^${withApp.url}/s/[1-9A-HJ-NP-Za-km-z]{14}$`));
    const id = made.link.split('/s/')[1] ?? '';
    const opened = await readShortLink(id, pageFetch(withApp.url));
    expect(opened).toEqual({ status: 'ok', workspace: ws, extras });
  });

  it('are made on a runner elsewhere only when it serves the playground', async () => {
    const page = 'http://page.example/';
    const elsewhere = await createShortLink(ws, undefined, { url: withApp.url, token: '' }, page);
    expect(elsewhere).toMatchObject({ status: 'ok' });
    expect(elsewhere.status === 'ok' && elsewhere.link.startsWith(`${withApp.url}/s/`)).toBe(true);
    const bare = await createShortLink(ws, undefined, { url: apiOnly.url, token: '' }, page);
    expect(bare).toMatchObject({ status: 'unavailable' });
    expect(bare.status === 'unavailable' && bare.reason).toMatch(/does not serve the playground/);
  });

  it('say why they cannot be opened: unknown id, malformed id, no runner', async () => {
    const unknown = await readShortLink('a'.repeat(14), pageFetch(withApp.url));
    expect(unknown.status === 'invalid' && unknown.reason).toMatch(
      /^This short link cannot be opened: no workspace is stored under a{14}/,
    );
    const bad = await readShortLink('abc', pageFetch(withApp.url));
    expect(bad.status === 'invalid' && bad.reason).toMatch(/not a short-link id/);

    const closed = await freePort();
    const down = await readShortLink('a'.repeat(14), pageFetch(`http://127.0.0.1:${closed}`));
    expect(down.status === 'invalid' && down.reason).toMatch(/no runner answers/);
    // A static server (`vite preview`) answers every path with the page: no runner there.
    const page = createHttpServer((_req, res) => res.end('<!doctype html>\n'));
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    const { port } = page.address() as { port: number };
    const plain = await readShortLink('a'.repeat(14), pageFetch(`http://127.0.0.1:${port}`));
    page.close();
    expect(plain.status === 'invalid' && plain.reason).toMatch(
      /no runner answers at this page’s origin \(\/api\/share\/a{14} is not JSON there\)/,
    );

    const runner = { url: `http://127.0.0.1:${closed}`, token: '' };
    const offer = await createShortLink(ws, undefined, runner, 'http://page.example/');
    expect(offer.status === 'unavailable' && offer.reason).toMatch(/no runner answers/);
  });
});

/** A port nothing listens on (taken, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
