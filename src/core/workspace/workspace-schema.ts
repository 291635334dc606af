import type { Workspace, WorkspaceSettings } from './workspace.ts';
import { isSharingMode } from '../model.ts';

/**
 * Workspaces leave the page as share links, zip files and IndexedDB records, and come back
 * from strangers or from older versions of the playground. This file is the one gate they pass
 * on the way in: a version number, migrations up to the current version, then a shape check.
 */

/** Version of the stored and shared workspace layout. Bump it and add a migration together. */
export const WORKSPACE_VERSION = 1;

/** Limits that keep a hostile link or zip from freezing the tab. */
export const WORKSPACE_LIMITS = {
  maxFiles: 500,
  maxFileChars: 1_000_000,
  maxTotalChars: 8_000_000,
};

/** Turns a payload of version `from` into version `from + 1`. */
export type Migration = (raw: unknown) => unknown;

/**
 * Migrations by the version they start from. Version 1 is the first published layout, so the
 * table is empty; a change of layout adds `1: (v1) => v2` here and bumps `WORKSPACE_VERSION`.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** An incoming payload brought up to date and checked: the workspace, or why it was refused. */
export type WorkspacePayloadCheck =
  | { status: 'ok'; workspace: Workspace; migratedFrom?: number }
  | { status: 'invalid'; code: WorkspaceProblem; reason: string };

/** Stable codes of what can be wrong with an incoming workspace. */
export type WorkspaceProblem =
  | 'workspace/newer-version'
  | 'workspace/unknown-version'
  | 'workspace/bad-shape'
  | 'workspace/bad-path'
  | 'workspace/too-large';

/**
 * A workspace path: relative, no `.`/`..` segments, no control or exotic characters. Paths
 * from links and zip files are checked before anything is loaded.
 */
export function isValidPath(path: string): boolean {
  if (path.length === 0 || path.length > 200 || path.startsWith('/')) return false;
  return path
    .split('/')
    .every((s) => s.length > 0 && s !== '.' && s !== '..' && /^[\w.+@-][\w .+@-]*$/.test(s));
}

/** Brings a payload of `version` up to date and checks it; never throws. */
export function toWorkspace(
  version: number,
  raw: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  current: number = WORKSPACE_VERSION,
): WorkspacePayloadCheck {
  if (!Number.isInteger(version) || version < 1) {
    return invalid('workspace/unknown-version', `unknown format version ${String(version)}`);
  }
  if (version > current) {
    return invalid(
      'workspace/newer-version',
      `made by a newer playground (format v${version}; this one reads up to v${current})`,
    );
  }
  let value = raw;
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) return invalid('workspace/unknown-version', `no migration from format v${v}`);
    try {
      value = step(value);
    } catch {
      return invalid('workspace/bad-shape', `the v${v} data could not be migrated`);
    }
  }
  const checked = checkShape(value);
  if (checked.status === 'ok' && version < current) return { ...checked, migratedFrom: version };
  return checked;
}

function checkShape(raw: unknown): WorkspacePayloadCheck {
  if (!isRecord(raw) || !isRecord(raw['files'])) {
    return invalid('workspace/bad-shape', 'the data holds no files');
  }
  const files: Record<string, string> = {};
  let total = 0;
  const entries = Object.entries(raw['files']);
  if (entries.length > WORKSPACE_LIMITS.maxFiles) {
    return invalid('workspace/too-large', `too many files (${entries.length})`);
  }
  for (const [path, text] of entries) {
    if (!isValidPath(path)) return invalid('workspace/bad-path', `bad file path “${path}”`);
    if (typeof text !== 'string') return invalid('workspace/bad-shape', `${path} is not text`);
    if (text.length > WORKSPACE_LIMITS.maxFileChars) {
      return invalid('workspace/too-large', `${path} is too large`);
    }
    total += text.length;
    files[path] = text;
  }
  if (total > WORKSPACE_LIMITS.maxTotalChars) {
    return invalid('workspace/too-large', 'the workspace is too large');
  }
  return { status: 'ok', workspace: { files, settings: toSettings(raw['settings'], files) } };
}

/** Settings are view state: anything unknown is dropped rather than rejected. */
function toSettings(raw: unknown, files: Record<string, string>): WorkspaceSettings {
  const s = isRecord(raw) ? raw : {};
  const settings: WorkspaceSettings = {
    panel: typeof s['panel'] === 'string' ? s['panel'] : 'graph',
  };
  const open = s['openFile'];
  if (typeof open === 'string' && open in files) settings.openFile = open;
  const sharing = s['sharing'];
  if (typeof sharing === 'string' && isSharingMode(sharing)) settings.sharing = sharing;
  return settings;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function invalid(code: WorkspaceProblem, reason: string): WorkspacePayloadCheck {
  return { status: 'invalid', code, reason };
}
