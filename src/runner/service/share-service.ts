import { Value } from 'typebox/value';
import {
  isShortId,
  readSharePayload,
  SHORT_ID_CHARS,
  toSharePayload,
  toShortId,
  WORKSPACE_VERSION,
} from '../../core/pipeline/index.ts';
import { ShareRequest, type ShareInfo, type ShareLimits } from '../api/share-schemas.ts';
import { createHourlyCounter } from './hourly-counter.ts';
import type { SnapshotStore, StoredSnapshot } from './snapshot-store.ts';

/** Why a request was refused: a stable code, a message the app shows, the HTTP status. */
export interface ShareProblem {
  code:
    | 'bad-request'
    | 'bad-snapshot'
    | 'too-large'
    | 'rate-limited'
    | 'bad-id'
    | 'unknown-id'
    | 'ids-exhausted';
  message: string;
  httpStatus: 400 | 404 | 413 | 429 | 503;
  retryAfterS?: number;
}

export interface ShareServiceOptions {
  store: SnapshotStore;
  limits: ShareLimits;
  /** SHA-256 of the bytes (the host's implementation). */
  hash: (bytes: Uint8Array) => Uint8Array;
  /** Characters of an id; `SHORT_ID_CHARS` unless told (tests shorten it to force collisions). */
  idChars?: number;
  /** Whether the server answers `/s/<id>` with the app (reported by `info`). */
  servesApp?: boolean;
  now?: () => number;
}

/** Ids tried for one snapshot before giving up: each further one is a fresh hash. */
const MAX_ATTEMPTS = 16;

/**
 * Short links: a snapshot is checked by the pipeline (the same check a `#v1/` link passes),
 * written canonically (files sorted by path), and kept under an id made from the hash of
 * those bytes, so the same workspace always gets the same id. An id taken by other bytes (a
 * collision of the shortened hash) moves on to the next candidate; nothing is overwritten.
 */
export function createShareService(options: ShareServiceOptions) {
  const { store, limits, hash } = options;
  const idChars = options.idChars ?? SHORT_ID_CHARS;
  const now = options.now ?? Date.now;
  const perClient = createHourlyCounter(now);
  const encoder = new TextEncoder();

  /** The `attempt`-th candidate id of `bytes`: 0 is the plain hash, then hashes of `n:` + bytes. */
  function candidate(bytes: Uint8Array, attempt: number): string {
    if (attempt === 0) return toShortId(hash(bytes), idChars);
    const prefix = encoder.encode(`${attempt}:`);
    const salted = new Uint8Array(prefix.length + bytes.length);
    salted.set(prefix);
    salted.set(bytes, prefix.length);
    return toShortId(hash(salted), idChars);
  }

  return {
    info(): ShareInfo {
      return { idChars, servesApp: options.servesApp ?? false, limits };
    },

    /** Keeps a snapshot sent by `client` (its address); the id, or why not. */
    save(
      body: unknown,
      client: string,
    ): { ok: true; id: string; created: boolean } | { ok: false; problem: ShareProblem } {
      if (!Value.Check(ShareRequest, body)) {
        const first = Value.Errors(ShareRequest, body)[0];
        const where = first?.instancePath ? ` at ${first.instancePath}` : '';
        return refuse(
          400,
          'bad-request',
          `not a snapshot request${where}: ${first?.message ?? ''}`,
        );
      }
      const checked = readSharePayload(body.version, body.payload);
      if (checked.status !== 'ok') {
        const status = checked.code === 'workspace/too-large' ? 413 : 400;
        const code = status === 413 ? 'too-large' : 'bad-snapshot';
        return refuse(status, code, `the workspace cannot be shared: ${checked.reason}`);
      }
      const { workspace, extras } = checked;
      const files = Object.fromEntries(
        Object.entries(workspace.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
      const bytes = encoder.encode(toSharePayload({ ...workspace, files }, extras));
      if (bytes.length > limits.snapshotBytes) {
        return refuse(
          413,
          'too-large',
          `the workspace is ${formatBytes(bytes.length)}; this runner keeps short links up to ${formatBytes(limits.snapshotBytes)} (the full link still works)`,
        );
      }
      // What is written is the current format, whatever version it came in (migrated above).
      const version = WORKSPACE_VERSION;
      const same = (s: StoredSnapshot | undefined) =>
        s !== undefined && s.version === version && sameBytes(s.bytes, bytes);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const id = candidate(bytes, attempt);
        const found = store.get(id);
        if (found) {
          if (same(found)) return { ok: true, id, created: false };
          continue;
        }
        const wait = perClient.wait(client, limits.snapshotsPerHour);
        if (wait !== null) {
          return refuse(
            429,
            'rate-limited',
            `this address has stored ${limits.snapshotsPerHour} short links in the last hour, the most this runner allows; try again in ${formatWait(wait)} or share the full link`,
            wait,
          );
        }
        if (store.add(id, { version, bytes, createdAt: now() }) === 'added') {
          perClient.record(client);
          return { ok: true, id, created: true };
        }
        // Taken since the look-up (another runner on the same file): as if it had been found.
        if (same(store.get(id))) return { ok: true, id, created: false };
      }
      return refuse(503, 'ids-exhausted', 'no free id was found for this snapshot; try again');
    },

    /** The stored payload of `id` (its UTF-8 JSON text, as stored) and its version. */
    load(
      id: string,
    ): { ok: true; version: number; payload: string } | { ok: false; problem: ShareProblem } {
      if (!isShortId(id, idChars))
        return refuse(
          400,
          'bad-id',
          `“${id.slice(0, 40)}” is not a short-link id (${idChars} letters and digits); was the link cut?`,
        );
      const stored = store.get(id);
      if (!stored)
        return refuse(
          404,
          'unknown-id',
          `no workspace is stored under ${id} on this runner (it may have been made on another one)`,
        );
      return { ok: true, version: stored.version, payload: new TextDecoder().decode(stored.bytes) };
    },
  };
}

export type ShareService = ReturnType<typeof createShareService>;

function refuse(
  httpStatus: ShareProblem['httpStatus'],
  code: ShareProblem['code'],
  message: string,
  retryAfterS?: number,
): { ok: false; problem: ShareProblem } {
  return {
    ok: false,
    problem: { httpStatus, code, message, ...(retryAfterS === undefined ? {} : { retryAfterS }) },
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function formatWait(seconds: number): string {
  return seconds < 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
