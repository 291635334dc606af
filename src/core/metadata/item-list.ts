/**
 * Separated item lists and parenthesised groups, with recovery: a malformed item is reported
 * and skipped up to the next separator, so it never hides the items after it.
 */
import type { Token } from './lexer.ts';
import { replaceFix, report } from './meta-diagnostics.ts';
import type { ParseContext } from './meta-diagnostics.ts';

/** A position in the tokens of one section. */
export interface Cursor {
  tokens: readonly Token[];
  pos: number;
}

export function peek(cur: Cursor): Token | undefined {
  return cur.tokens[cur.pos];
}

/**
 * Reads one item at the cursor (which is on a token that is not a separator) and returns
 * whether it reported an error, in which case no "missing separator" is reported after it.
 */
export type ItemParser = (cur: Cursor) => boolean;

/**
 * Skips the rest of a malformed item: up to a `;`, or a `,` outside parentheses. Returns the
 * end offset of the last token skipped, or `fallback` when nothing was.
 */
export function skipItem(cur: Cursor, fallback: number): number {
  let depth = 0;
  let end = fallback;
  for (let t = peek(cur); t; t = peek(cur)) {
    if (t.kind === 'semi' || (t.kind === 'comma' && depth === 0)) break;
    if (t.kind === 'lparen') depth++;
    if (t.kind === 'rparen') depth = Math.max(0, depth - 1);
    end = t.end;
    cur.pos++;
  }
  return end;
}

/** Reads items separated by `separator`; the other separator is accepted with an error and a fix. */
export function parseList(
  ctx: ParseContext,
  tokens: readonly Token[],
  separator: ',' | ';',
  section: string,
  parseItem: ItemParser,
): void {
  const cur: Cursor = { tokens, pos: 0 };
  let expectItem = true;
  let lastSeparator: Token | undefined;
  let reported = false;
  for (let t = peek(cur); t; t = peek(cur)) {
    if (t.kind === 'comma' || t.kind === 'semi') {
      if (expectItem) report(ctx, 'meta/bad-item', `Empty item before '${t.text}'`, t.start, t.end);
      if (t.text !== separator) {
        const message = `Items of [${section}] are separated by '${separator}'`;
        report(ctx, 'meta/bad-item', message, t.start, t.end, {
          fixes: [replaceFix(ctx, `Change to '${separator}'`, t.start, t.end, separator)],
        });
      }
      cur.pos++;
      expectItem = true;
      lastSeparator = t;
      continue;
    }
    const previous = cur.tokens[cur.pos - 1];
    if (!expectItem && !reported && previous) {
      report(ctx, 'meta/bad-item', `Missing '${separator}' before this item`, t.start, t.end, {
        fixes: [replaceFix(ctx, `Insert '${separator}'`, previous.end, previous.end, separator)],
      });
    }
    const start = cur.pos;
    reported = parseItem(cur);
    if (cur.pos === start) cur.pos++;
    expectItem = false;
  }
  if (expectItem && lastSeparator) {
    const { start, end } = lastSeparator;
    report(ctx, 'meta/bad-item', `Trailing '${separator}'`, start, end, {
      fixes: [replaceFix(ctx, `Remove '${separator}'`, start, end, '')],
    });
  }
}

/** What `flatGroup` read between `(` and `)`. */
export interface Group {
  open: Token;
  /** One token per argument; malformed arguments were reported and left out. */
  args: Token[];
  /** End offset of the `)`, or of the last token read when the group is unclosed. */
  end: number;
  closed: boolean;
}

function reportEmpty(ctx: ParseContext, at: Token): void {
  report(ctx, 'meta/bad-item', 'Empty argument', at.start, at.end);
}

/**
 * Reads `(a, b, ...)` of single-token arguments, the cursor being on `(`. Nested parentheses
 * are not allowed, so an unclosed group stops at `;` or at a `(`, whose preceding word then
 * starts the next item: `*(Read,Own, *(Write,Shared)` loses only one `)`.
 */
export function flatGroup(ctx: ParseContext, cur: Cursor): Group {
  const open = cur.tokens[cur.pos] as Token;
  cur.pos++;
  const args: Token[] = [];
  let delimiter: Token = open;
  let pending: Token | undefined;
  let end = open.end;
  for (let t = peek(cur); t; t = peek(cur)) {
    if (t.kind === 'rparen') {
      if (pending) args.push(pending);
      else if (delimiter !== open) reportEmpty(ctx, delimiter);
      cur.pos++;
      return { open, args, end: t.end, closed: true };
    }
    if (t.kind === 'semi') break;
    if (t.kind === 'lparen') {
      if (pending && cur.tokens[cur.pos - 1] === pending) {
        cur.pos--;
        end = delimiter.end;
        pending = undefined;
      }
      break;
    }
    if (t.kind === 'comma') {
      if (pending) args.push(pending);
      else reportEmpty(ctx, t);
      pending = undefined;
      delimiter = t;
    } else if (pending && cur.tokens[cur.pos + 1]?.kind === 'lparen') {
      // `*(Read,Own *(Write,Shared)`: `t` starts the next item.
      args.push(pending);
      pending = undefined;
      break;
    } else if (pending) {
      report(ctx, 'meta/bad-item', "Missing ',' between arguments", t.start, t.end, {
        fixes: [replaceFix(ctx, "Insert ','", pending.end, pending.end, ',')],
      });
      args.push(pending);
      pending = t;
    } else {
      pending = t;
    }
    end = t.end;
    cur.pos++;
  }
  if (pending) args.push(pending);
  report(ctx, 'meta/bad-item', "Unclosed '('", open.start, open.end);
  return { open, args, end, closed: false };
}

/**
 * Reads the raw text of `( ... )` (nesting allowed), the cursor being on `(`: the tokens'
 * text with one space wherever the source had whitespace, a line break or a comment. An
 * unclosed group stops at `;` or the end of the section.
 */
export function rawGroup(
  ctx: ParseContext,
  cur: Cursor,
): { text: string; end: number; closed: boolean } {
  const open = cur.tokens[cur.pos] as Token;
  cur.pos++;
  let depth = 0;
  let text = '';
  let previous = open;
  for (let t = peek(cur); t; t = peek(cur)) {
    if (t.kind === 'semi') break;
    cur.pos++;
    if (t.kind === 'rparen' && depth === 0) return { text, end: t.end, closed: true };
    if (t.kind === 'lparen') depth++;
    if (t.kind === 'rparen') depth--;
    if (text !== '' && t.start > previous.end) text += ' ';
    text += t.text;
    previous = t;
  }
  report(ctx, 'meta/bad-item', "Unclosed '('", open.start, open.end);
  return { text, end: previous.end, closed: false };
}
