import type { TextEdit } from '../diagnostics.ts';

/**
 * One edit turning `before` into `after`, covering only the part between their common prefix
 * and suffix: an editor applying it keeps the cursor and undo history outside that part.
 */
export function minimalEdit(file: string, before: string, after: string): TextEdit {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (
    s < before.length - p &&
    s < after.length - p &&
    before[before.length - 1 - s] === after[after.length - 1 - s]
  )
    s++;
  return { file, start: p, end: before.length - s, text: after.slice(p, after.length - s) };
}
