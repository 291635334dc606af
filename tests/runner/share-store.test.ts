/**
 * The SQLite snapshot store: what is added reads back byte for byte, an id is never
 * overwritten, and a file store keeps its snapshots across a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteSnapshotStore } from '../../src/runner/service/snapshot-store.ts';

const tmp = mkdtempSync(join(tmpdir(), 'flexos-share-store-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const bytes = (text: string) => new TextEncoder().encode(text);

describe('SQLite snapshot store', () => {
  it('reads back every byte it was given, and only for that id', () => {
    const store = createSqliteSnapshotStore(':memory:');
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(store.add('abc', { version: 1, bytes: all, createdAt: 5 })).toBe('added');
    expect(store.get('abc')).toEqual({ version: 1, bytes: all, createdAt: 5 });
    expect(store.get('abd')).toBeUndefined();
    expect(store.count()).toBe(1);
    store.close();
  });

  it('never overwrites an id', () => {
    const store = createSqliteSnapshotStore(':memory:');
    expect(store.add('x', { version: 1, bytes: bytes('first'), createdAt: 1 })).toBe('added');
    expect(store.add('x', { version: 1, bytes: bytes('second'), createdAt: 2 })).toBe('taken');
    expect(new TextDecoder().decode(store.get('x')?.bytes)).toBe('first');
    store.close();
  });

  it('keeps snapshots in its file across a restart, creating the folder', () => {
    const path = join(tmp, 'deep', 'er', 'links.sqlite');
    const first = createSqliteSnapshotStore(path);
    first.add('kept', { version: 1, bytes: bytes('{"files":{"a":"é ✓"}}'), createdAt: 7 });
    first.close();
    const again = createSqliteSnapshotStore(path);
    expect(new TextDecoder().decode(again.get('kept')?.bytes)).toBe('{"files":{"a":"é ✓"}}');
    expect(again.count()).toBe(1);
    again.close();
  });

  it('lets two stores on one file see each other and still never overwrite', () => {
    const path = join(tmp, 'shared.sqlite');
    const a = createSqliteSnapshotStore(path);
    const b = createSqliteSnapshotStore(path);
    expect(a.add('one', { version: 1, bytes: bytes('a'), createdAt: 1 })).toBe('added');
    expect(b.add('one', { version: 1, bytes: bytes('b'), createdAt: 1 })).toBe('taken');
    expect(new TextDecoder().decode(b.get('one')?.bytes)).toBe('a');
    a.close();
    b.close();
  });
});
