/**
 * Port's edits: like instantiation's, collected against the original text, except that a call
 * moved elsewhere (hoisted into a temporary) takes the edits already made inside it along.
 */
export interface PortEdit {
  start: number;
  end: number;
  text: string;
  seq: number;
  /** Stays where it is when an enclosing range is taken (statements hoisted before a statement). */
  sticky?: boolean;
}

export interface PortEdits {
  readonly list: PortEdit[];
  replace(start: number, end: number, text: string): void;
  insert(at: number, text: string, sticky?: boolean): void;
  /** `text[start, end)` with the edits inside it applied; those edits are removed. */
  take(start: number, end: number): string;
}

export function createPortEdits(text: string): PortEdits {
  let list: PortEdit[] = [];
  let seq = 0;
  return {
    get list() {
      return list;
    },
    replace(start, end, t) {
      list.push({ start, end, text: t, seq: seq++ });
    },
    insert(at, t, sticky = false) {
      list.push({ start: at, end: at, text: t, seq: seq++, sticky });
    },
    take(start, end) {
      const inside = list.filter((e) => e.start >= start && e.end <= end && !e.sticky);
      list = list.filter((e) => !inside.includes(e));
      return applyOrdered(
        text.slice(start, end),
        inside.map((e) => ({ ...e, start: e.start - start, end: e.end - start })),
      );
    },
  };
}

/**
 * Applies edits in offset order; insertions at one offset keep their order. Like
 * `applyEditList`, it never throws: an edit overlapping one already applied is left out and
 * added to `dropped`, for the caller to report.
 */
export function applyOrdered(
  text: string,
  edits: readonly PortEdit[],
  dropped?: PortEdit[],
): string {
  const sorted = [...edits].sort(
    (a, b) =>
      a.start - b.start ||
      (a.end - a.start === 0 ? 0 : 1) - (b.end - b.start === 0 ? 0 : 1) ||
      a.seq - b.seq,
  );
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) {
      dropped?.push(e);
      continue;
    }
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
