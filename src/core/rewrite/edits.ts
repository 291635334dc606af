import type { TextEdit } from '../diagnostics.ts';

/**
 * Edits of one file collected by the rewrite rules against the original text and applied
 * once. Rules only replace the exact tokens they change and insert around the rest, so the
 * user's formatting survives and rules touching nested code never overlap.
 */
export interface EditList {
  readonly file: string;
  readonly edits: TextEdit[];
  replace(start: number, end: number, text: string): void;
  insert(at: number, text: string): void;
}

export function createEditList(file: string): EditList {
  const edits: TextEdit[] = [];
  return {
    file,
    edits,
    replace(start, end, text) {
      edits.push({ file, start, end, text });
    },
    insert(at, text) {
      edits.push({ file, start: at, end: at, text });
    },
  };
}

/**
 * Applies non-overlapping edits. Insertions at the same offset keep the order in which they
 * were collected; an insertion at the start of a replaced range goes before the replacement.
 * Overlapping replacements are a rule bug and throw.
 */
export function applyEditList(text: string, edits: readonly TextEdit[]): string {
  const order = edits.map((e, i) => ({ e, i }));
  order.sort((a, b) => a.e.start - b.e.start || width(a.e) - width(b.e) || a.i - b.i);
  const parts: string[] = [];
  let at = 0;
  for (const { e } of order) {
    if (e.start < at) {
      throw new Error(`overlapping edits at ${e.start}: ${JSON.stringify(e.text)}`);
    }
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function width(e: TextEdit): number {
  return e.end === e.start ? 0 : 1;
}
