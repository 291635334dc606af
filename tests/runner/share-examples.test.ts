/**
 * Every example through a real runner (HTTP on a port, the SQLite store in a file): stored as
 * the app sends it, read back with every byte of every file, and its short link under 60
 * characters with the default origin of `npm start`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSharePayload } from '../../src/core/pipeline/index.ts';
import { checkResponse, ShareCreated, Snapshot } from '../../src/runner/api/index.ts';
import { startRunner, type StartedRunner } from '../../src/runner/runner.ts';
import { createFakeTarget } from '../../src/runner/targets/fake.ts';

const DEFAULT_ORIGIN = 'http://127.0.0.1:4173';
const examplesDir = join(import.meta.dirname, '..', '..', 'examples');
const slugs = readdirSync(examplesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** Every file of a folder, as bytes, by workspace path. */
function readTree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    out.set(relative(dir, full).split('\\').join('/'), readFileSync(full));
  }
  return out;
}

let tmp: string;
let runner: StartedRunner;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'flexos-share-examples-'));
  runner = await startRunner({
    targets: [createFakeTarget()],
    share: { store: join(tmp, 'links.sqlite') },
  });
});

afterAll(async () => {
  await runner?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('every example as a short link', () => {
  it('has examples, some with non-ASCII text', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(5);
    const texts = slugs.flatMap((s) => [...readTree(join(examplesDir, s)).values()]);
    expect(texts.some((b) => b.some((byte) => byte > 127))).toBe(true);
  });

  it.each(slugs)('%s round-trips byte for byte with a link under 60 characters', async (slug) => {
    const tree = readTree(join(examplesDir, slug));
    const files = Object.fromEntries([...tree].map(([p, b]) => [p, b.toString('utf8')]));
    const workspace = { files, settings: { panel: 'graph' } };
    const res = await fetch(`${runner.url}/api/share`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"version":1,"payload":${toSharePayload(workspace)}}`,
    });
    expect(res.status).toBe(201);
    const created = checkResponse(ShareCreated, await res.json());
    if (!created.ok) throw new Error(created.message);
    const link = DEFAULT_ORIGIN + created.value.path;
    expect(link.length).toBeLessThan(60);
    expect(created.value.url).toBe(runner.url + created.value.path);

    const back = await fetch(`${runner.url}/api/share/${created.value.id}`);
    expect(back.status).toBe(200);
    const snapshot = checkResponse(Snapshot, await back.json());
    if (!snapshot.ok) throw new Error(snapshot.message);
    const got = (snapshot.value.payload as { files: Record<string, string> }).files;
    expect(Object.keys(got).sort()).toEqual([...tree.keys()].sort());
    for (const [path, bytes] of tree)
      expect(Buffer.from(got[path] ?? '', 'utf8').equals(bytes), path).toBe(true);
  });

  it('opens each stored example at /s/<id> only where the app is served', async () => {
    const res = await fetch(`${runner.url}/api/share`);
    expect(await res.json()).toMatchObject({ servesApp: false });
    expect((await fetch(`${runner.url}/s/abc`)).status).toBe(404);
  });
});
