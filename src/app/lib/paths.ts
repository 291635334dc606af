import { applyEdits, type TextEdit } from '../../core/diagnostics.ts';

export { isValidPath } from '../../core/pipeline/index.ts';

/** Collapses slashes and surrounding blanks: ` libs//kv/ kv.c ` → `libs/kv/kv.c`. */
export function normalizePath(path: string): string {
  return path
    .trim()
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .join('/');
}

/** Applies edits that may span several files; returns a new record. */
export function applyFileEdits(
  files: Record<string, string>,
  edits: readonly TextEdit[],
): Record<string, string> {
  const byFile = new Map<string, TextEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  const out = { ...files };
  for (const [file, list] of byFile) out[file] = applyEdits(out[file] ?? '', list);
  return out;
}
