import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { toWorkspace, WORKSPACE_VERSION, type Workspace } from '../../core/pipeline/index.ts';
import { toProgress, type LessonProgress } from './lesson-progress.svelte.ts';

/**
 * Saved playgrounds in IndexedDB. Every function may reject (private mode, quota, a blocked
 * upgrade); callers turn that into a visible notice, never a silent loss.
 */

/** One saved workspace. `version` is the workspace format it was written in. */
export interface PlaygroundRecord {
  id: string;
  title: string;
  created: number;
  updated: number;
  version: number;
  workspace: Workspace;
  /** Hints, ticks and an exercise's start; absent in records saved before lessons. */
  progress?: LessonProgress;
}

export type PlaygroundSummary = Pick<PlaygroundRecord, 'id' | 'title' | 'updated'> & {
  files: number;
};

/** What the page showed last, so a reload shows it again. */
export type LastOpened = { kind: 'playground'; id: string } | { kind: 'example'; slug: string };

interface Schema extends DBSchema {
  playgrounds: { key: string; value: PlaygroundRecord; indexes: { updated: number } };
  meta: { key: string; value: LastOpened };
}

const DB_NAME = 'flexos-playground';
let db: Promise<IDBPDatabase<Schema>> | null = null;

function open(): Promise<IDBPDatabase<Schema>> {
  db ??= openDB<Schema>(DB_NAME, 1, {
    upgrade(d) {
      const store = d.createObjectStore('playgrounds', { keyPath: 'id' });
      store.createIndex('updated', 'updated');
      d.createObjectStore('meta');
    },
    blocked() {
      throw new Error('another tab holds an older version of the saved playgrounds open');
    },
  }).catch((e: unknown) => {
    db = null;
    throw e;
  });
  return db;
}

export async function listPlaygrounds(): Promise<PlaygroundSummary[]> {
  const all = await (await open()).getAllFromIndex('playgrounds', 'updated');
  return all.reverse().map((r) => ({
    id: r.id,
    title: r.title,
    updated: r.updated,
    files: Object.keys(r.workspace.files).length,
  }));
}

/** Writes a playground (creating it when `id` is new) and remembers it as last opened. */
export async function savePlayground(
  id: string,
  title: string,
  workspace: Workspace,
  progress?: LessonProgress,
): Promise<void> {
  const d = await open();
  const tx = d.transaction(['playgrounds', 'meta'], 'readwrite');
  const old = await tx.objectStore('playgrounds').get(id);
  const now = Date.now();
  await tx.objectStore('playgrounds').put({
    id,
    title,
    created: old?.created ?? now,
    updated: now,
    version: WORKSPACE_VERSION,
    workspace,
    ...(progress ? { progress } : {}),
  });
  await tx.objectStore('meta').put({ kind: 'playground', id }, 'last');
  await tx.done;
}

export type LoadedPlayground =
  | { status: 'ok'; id: string; title: string; workspace: Workspace; progress: LessonProgress }
  | { status: 'missing' }
  | { status: 'invalid'; reason: string };

/** Reads a playground, migrating it from the format it was saved in. */
export async function loadPlayground(id: string): Promise<LoadedPlayground> {
  const r = await (await open()).get('playgrounds', id);
  if (!r) return { status: 'missing' };
  const checked = toWorkspace(r.version, r.workspace);
  if (checked.status !== 'ok') return { status: 'invalid', reason: checked.reason };
  const progress = toProgress(r.progress);
  return { status: 'ok', id: r.id, title: r.title, workspace: checked.workspace, progress };
}

/** The newest saved copy of the exercise whose starting files have `key`, if any. */
export async function findExerciseCopy(key: string): Promise<PlaygroundSummary | undefined> {
  const all = await (await open()).getAllFromIndex('playgrounds', 'updated');
  const r = all.reverse().find((x) => x.progress?.key === key);
  return r
    ? { id: r.id, title: r.title, updated: r.updated, files: Object.keys(r.workspace.files).length }
    : undefined;
}

export async function renamePlayground(id: string, title: string): Promise<void> {
  const d = await open();
  const r = await d.get('playgrounds', id);
  if (r) await d.put('playgrounds', { ...r, title, updated: Date.now() });
}

export async function deletePlayground(id: string): Promise<void> {
  await (await open()).delete('playgrounds', id);
}

export async function getLastOpened(): Promise<LastOpened | undefined> {
  return (await open()).get('meta', 'last');
}

export async function setLastOpened(last: LastOpened): Promise<void> {
  await (await open()).put('meta', last, 'last');
}

/** A fresh id for a new playground. */
export function newPlaygroundId(): string {
  return crypto.randomUUID();
}
