import type { SharingMode } from '../model.ts';

/**
 * Everything a user edits, as plain data: file texts keyed by workspace-relative path
 * (`config.yaml`, `components/sched.flexos`, `libs/kv/kv.c`, `workload.yaml`, `space.yaml`)
 * and the view settings worth sharing.
 */
export interface Workspace {
  files: Record<string, string>;
  /** The workspace's name (a CLI directory's base name), where an image or space has none. */
  name?: string;
  settings: WorkspaceSettings;
}

export interface WorkspaceSettings {
  /** The panel shown on the right: graph, gated C, explore, problems. */
  panel: string;
  /** The file open in the editor, if any. */
  openFile?: string;
  /** Sharing mode shown in the gated-C view; defaults to the config's. */
  sharing?: SharingMode;
}

/** Kinds of files a workspace holds, decided by path. */
export type FileKind =
  'config' | 'kraft' | 'component' | 'c' | 'workload' | 'space' | 'readme' | 'other';

export function fileKind(path: string): FileKind {
  if (path === 'config.yaml') return 'config';
  if (path === 'kraft.yaml') return 'kraft';
  if (path === 'workload.yaml') return 'workload';
  if (path === 'space.yaml') return 'space';
  if (/^components\/[^/]+\.flexos$/.test(path)) return 'component';
  if (/^libs\/[^/]+\/[^/]+\.[ch]$/.test(path)) return 'c';
  if (/(^|\/)README\.md$/i.test(path)) return 'readme';
  return 'other';
}

/** The library a C file belongs to (`libs/<lib>/...`), if any. */
export function libraryOfPath(path: string): string | undefined {
  return /^libs\/([^/]+)\//.exec(path)?.[1];
}
