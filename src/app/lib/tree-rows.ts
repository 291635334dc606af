/** One line of the file tree: a folder (path ends with `/`) or a file, at a depth. */
export interface TreeRow {
  kind: 'folder' | 'file';
  path: string;
  name: string;
  depth: number;
}

/**
 * Flattens sorted paths into tree rows, folders before their contents; folders in `collapsed`
 * hide what is under them. Top-level files come first, then folders, as editors usually show.
 */
export function toTreeRows(paths: readonly string[], collapsed: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const sorted = [...paths].sort((a, b) => {
    const da = a.includes('/') ? 1 : 0;
    const db = b.includes('/') ? 1 : 0;
    return da - db || a.localeCompare(b);
  });
  for (const path of sorted) {
    const parts = path.split('/');
    let hidden = false;
    for (let i = 0; i < parts.length - 1; i++) {
      const folder = parts.slice(0, i + 1).join('/') + '/';
      if (!hidden && !seen.has(folder)) {
        seen.add(folder);
        rows.push({ kind: 'folder', path: folder, name: parts[i] ?? '', depth: i });
      }
      if (collapsed.has(folder)) hidden = true;
    }
    if (!hidden)
      rows.push({
        kind: 'file',
        path,
        name: parts[parts.length - 1] ?? path,
        depth: parts.length - 1,
      });
  }
  return rows;
}
