/**
 * What the item parsers share: the spec under construction, duplicate tracking, and reports
 * that carry a case fix for words that are only mis-capitalised.
 */
import type { Span } from '../diagnostics.ts';
import type { Action, ComponentSpec, Region } from './component-spec.ts';
import { skipItem } from './item-list.ts';
import type { Cursor } from './item-list.ts';
import type { Token } from './lexer.ts';
import { replaceFix, report } from './meta-diagnostics.ts';
import type { MetaCode, ParseContext } from './meta-diagnostics.ts';

/** C identifiers: function names in `[Call]`, `[API]` and `[Requires]`. */
export const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Memory regions, in the order of the grammar. */
export const REGIONS: readonly Region[] = ['Own', 'Shared', '*'];
/** `[Requires]` actions. */
export const ACTIONS: readonly Action[] = ['Read', 'Write', 'Call'];

/** The spec being built and the keys of items already seen, for duplicate warnings. */
export interface Builder {
  ctx: ParseContext;
  spec: ComponentSpec;
  seen: Set<string>;
}

/** A span of the file being parsed. */
export function span(b: Builder, start: number, end: number): Span {
  return { file: b.ctx.file, start, end };
}

/** Reports `code` at `token`, with a fix when the token differs from a valid word only by case. */
export function reportWord(
  b: Builder,
  code: MetaCode,
  message: string,
  token: Token,
  valid: readonly string[],
): void {
  const near = valid.find((v) => v.toLowerCase() === token.text.toLowerCase());
  const fixes = near
    ? [replaceFix(b.ctx, `Change to '${near}'`, token.start, token.end, near)]
    : [];
  report(b.ctx, code, message, token.start, token.end, { fixes });
}

/** True the first time `key` is seen; afterwards reports a duplicate and returns false. */
export function firstTime(b: Builder, key: string, start: number, end: number): boolean {
  if (!b.seen.has(key)) {
    b.seen.add(key);
    return true;
  }
  report(b.ctx, 'meta/duplicate-item', 'Listed more than once', start, end);
  return false;
}

/** Reports `code` from `first` to the end of the item, skipping it; always true (reported). */
export function badItem(
  b: Builder,
  cur: Cursor,
  code: MetaCode,
  message: string,
  first: Token,
): true {
  const end = skipItem(cur, first.end);
  report(b.ctx, code, message, first.start, end);
  return true;
}

/** The region a token names, if any. */
export function region(t: Token | undefined): Region | undefined {
  return REGIONS.find((r) => r === t?.text);
}
