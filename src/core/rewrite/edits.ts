import { createDiagnostic, type Diagnostic, type TextEdit } from '../diagnostics.ts';

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
 * Applies edits. Insertions at the same offset keep the order in which they were collected;
 * an insertion at the start of a replaced range goes before the replacement. Overlaps never
 * throw: an edit repeated exactly is applied once, overlapping deletions delete their union,
 * and any other edit overlapping one already applied is left out and added to `dropped` (a
 * rule bug, which the caller reports as a diagnostic at its span). `applied` receives the
 * edits as applied, in text order and without overlaps, for mapping offsets (`edit-map.ts`).
 */
export function applyEditList(
  text: string,
  edits: readonly TextEdit[],
  dropped?: TextEdit[],
  applied?: TextEdit[],
): string {
  const order = edits.map((e, i) => ({ e, i }));
  order.sort((a, b) => a.e.start - b.e.start || width(a.e) - width(b.e) || a.i - b.i);
  const parts: string[] = [];
  let at = 0;
  let last: TextEdit | undefined;
  for (const { e } of order) {
    if (e.start < at && last) {
      if (e.start === last.start && e.end === last.end && e.text === last.text) continue;
      if (e.text === '' && last.text === '') {
        if (e.end > at) applied?.push({ ...e, start: at });
        at = Math.max(at, e.end);
        continue;
      }
      dropped?.push(e);
      continue;
    }
    parts.push(text.slice(at, e.start), e.text);
    applied?.push(e);
    at = e.end;
    last = e;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function width(e: TextEdit): number {
  return e.end === e.start ? 0 : 1;
}

/** Two rules rewrote overlapping code: a bug, reported where it happened instead of thrown. */
export function conflictingEdit(e: TextEdit): Diagnostic {
  return createDiagnostic(
    'rewrite/conflicting-edits',
    'error',
    `two rewrites of this code overlap; the second (${JSON.stringify(e.text.slice(0, 40))}) was left out, so check the result here and please report it with the file`,
    { file: e.file, start: e.start, end: e.end },
  );
}
