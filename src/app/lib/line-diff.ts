/** One row of a line diff: a kept, removed or added line, or a run of kept lines left out. */
export type DiffRow =
  | { kind: 'same' | 'del' | 'add'; text: string; /** 1-based, in its own side. */ line: number }
  | { kind: 'skip'; count: number };

/**
 * A unified line diff of `before` → `after` (longest common subsequence), with runs of
 * unchanged lines farther than `context` from a change folded into one `skip` row. Meant for
 * config files: quadratic in the line counts, so callers keep it to files of modest size.
 */
export function lineDiff(before: string, after: string, context = 2): DiffRow[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // Common prefix and suffix first: most edits touch a few lines of a long file.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const rows: DiffRow[] = [];
  for (let i = 0; i < head; i++) rows.push({ kind: 'same', text: a[i] ?? '', line: i + 1 });
  rows.push(...middle(a.slice(head, a.length - tail), b.slice(head, b.length - tail), head));
  for (let i = a.length - tail; i < a.length; i++)
    rows.push({ kind: 'same', text: a[i] ?? '', line: i + 1 });
  return fold(rows, context);
}

/** The diff of the changed middle by dynamic programming; `offset` lines precede it. */
function middle(a: readonly string[], b: readonly string[], offset: number): DiffRow[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i]!;
    const next = lcs[i + 1]!;
    for (let j = m - 1; j >= 0; j--)
      row[j] = a[i] === b[j] ? next[j + 1]! + 1 : Math.max(next[j]!, row[j + 1]!);
  }
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      rows.push({ kind: 'same', text: a[i]!, line: offset + i + 1 });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      rows.push({ kind: 'del', text: a[i]!, line: offset + i + 1 });
      i++;
    } else {
      rows.push({ kind: 'add', text: b[j]!, line: offset + j + 1 });
      j++;
    }
  }
  return rows;
}

function fold(rows: readonly DiffRow[], context: number): DiffRow[] {
  const changed = rows.map((r) => r.kind === 'add' || r.kind === 'del');
  const near = (k: number): boolean => {
    for (let d = Math.max(0, k - context); d <= Math.min(rows.length - 1, k + context); d++)
      if (changed[d]) return true;
    return false;
  };
  const out: DiffRow[] = [];
  let skipped = 0;
  rows.forEach((r, k) => {
    if (r.kind !== 'same' || near(k)) {
      if (skipped > 0) out.push({ kind: 'skip', count: skipped });
      skipped = 0;
      out.push(r);
    } else skipped++;
  });
  if (skipped > 0) out.push({ kind: 'skip', count: skipped });
  return out;
}
