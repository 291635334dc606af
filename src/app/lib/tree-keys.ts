import type { TreeRow } from './tree-rows.ts';

/** What a key pressed on a row of the file tree does. */
export type TreeKeyAction =
  | { kind: 'focus'; path: string }
  | { kind: 'expand'; path: string }
  | { kind: 'collapse'; path: string }
  | { kind: 'open'; path: string }
  | { kind: 'none' };

/** The folder that holds `path` (`libs/kv/` for `libs/kv/kv.c`), or null at the top. */
export function parentFolder(path: string): string | null {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  const cut = trimmed.lastIndexOf('/');
  return cut < 0 ? null : trimmed.slice(0, cut + 1);
}

/**
 * The tree view keys of WAI-ARIA's tree pattern on the visible rows: Up and Down move, Home
 * and End jump, Right expands a collapsed folder or enters an open one, Left collapses an open
 * folder or goes to the parent, Enter opens a file or toggles a folder.
 */
export function treeKeyAction(
  rows: readonly TreeRow[],
  collapsed: ReadonlySet<string>,
  path: string,
  key: string,
): TreeKeyAction {
  const i = rows.findIndex((r) => r.path === path);
  const row = rows[i];
  if (!row) return { kind: 'none' };
  const focus = (r: TreeRow | undefined): TreeKeyAction =>
    r ? { kind: 'focus', path: r.path } : { kind: 'none' };
  const isOpenFolder = row.kind === 'folder' && !collapsed.has(row.path);
  switch (key) {
    case 'ArrowDown':
      return focus(rows[i + 1]);
    case 'ArrowUp':
      return focus(rows[i - 1]);
    case 'Home':
      return focus(rows[0]);
    case 'End':
      return focus(rows[rows.length - 1]);
    case 'ArrowRight':
      if (row.kind !== 'folder') return { kind: 'none' };
      return isOpenFolder ? focus(rows[i + 1]) : { kind: 'expand', path: row.path };
    case 'ArrowLeft': {
      if (isOpenFolder) return { kind: 'collapse', path: row.path };
      const parent = parentFolder(row.path);
      return parent ? focus(rows.find((r) => r.path === parent)) : { kind: 'none' };
    }
    case 'Enter':
      if (row.kind === 'file') return { kind: 'open', path: row.path };
      return isOpenFolder
        ? { kind: 'collapse', path: row.path }
        : { kind: 'expand', path: row.path };
    default:
      return { kind: 'none' };
  }
}
