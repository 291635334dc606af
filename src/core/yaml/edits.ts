import { isMap, isSeq, type ParsedNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { minimalEdit, type TextEdit } from '../diagnostics.ts';
import { isEmptyNode, type YPair } from './nodes.ts';

/**
 * Minimal text edits on YAML source, computed from node ranges so comments and formatting
 * elsewhere stay as they are. Block collections are edited line by line; flow collections
 * (`[a, b]`, `{ k: v }`) element by element.
 */
export interface EditContext {
  text: string;
  file: string;
}

type Range = [number, number];

const edit = (ctx: EditContext, start: number, end: number, text: string): TextEdit => ({
  file: ctx.file,
  start,
  end,
  text,
});

/** The line break the file already uses. */
export function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Offset of the first character of the line holding `pos`. */
export function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
}

/** Offset of the line break ending the line of `pos` (before a `\r`), or the text's end. */
export function lineEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Column of `pos` in its line (0-based). */
export function columnOf(text: string, pos: number): number {
  return pos - lineStart(text, pos);
}

/** Indentation (spaces) of the line holding `pos`. */
export function lineIndent(text: string, pos: number): number {
  const start = lineStart(text, pos);
  let i = start;
  while (text[i] === ' ') i++;
  return i - start;
}

function onlySpacesBefore(text: string, pos: number): boolean {
  return text.slice(lineStart(text, pos), pos).trim() === '';
}

/** End of a node's visible content: its value end, trailing blanks and line breaks dropped. */
function contentEnd(text: string, node: ParsedNode): number {
  let end = node.range[1];
  while (end > node.range[0] && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}

function pairContentEnd(text: string, pair: YPair): number {
  if (pair.value && !isEmptyNode(pair.value)) return contentEnd(text, pair.value);
  const keyEnd = pair.key ? pair.key.range[1] : 0;
  const colon = text.indexOf(':', keyEnd);
  return colon >= 0 && text.slice(keyEnd, colon).trim() === '' ? colon + 1 : keyEnd;
}

/** Removes whole lines from the one holding `first` to the one holding `last`. */
function removeLines(ctx: EditContext, first: number, last: number): TextEdit {
  const start = lineStart(ctx.text, first);
  const end = lineEnd(ctx.text, last);
  // Taking the line break before keeps an insertion at `end` (an item appended after this one) apart from this edit.
  if (start > 0) return edit(ctx, start - (ctx.text[start - 2] === '\r' ? 2 : 1), end, '');
  const after = ctx.text[end] === '\r' ? end + 2 : end + 1;
  return edit(ctx, 0, Math.min(after, ctx.text.length), '');
}

function removeFlowElement(ctx: EditContext, ranges: Range[], i: number): TextEdit {
  const [start, end] = ranges[i] ?? [0, 0];
  const next = ranges[i + 1];
  const prev = ranges[i - 1];
  if (next) return edit(ctx, start, next[0], '');
  if (prev) return edit(ctx, prev[1], end, '');
  return edit(ctx, start, end, '');
}

/** Position of the `-` of a block sequence item. */
function dashOf(text: string, item: ParsedNode): number {
  let i = item.range[0] - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return text[i] === '-' ? i : item.range[0];
}

function pairRange(ctx: EditContext, pair: YPair): Range {
  const start = pair.key?.range[0] ?? pair.value?.range[0] ?? 0;
  return [start, pairContentEnd(ctx.text, pair)];
}

/** Removes item `i` of a sequence. */
export function removeSeqItem(
  ctx: EditContext,
  seq: YAMLSeq.Parsed,
  i: number,
): TextEdit | undefined {
  const item = seq.items[i];
  if (!item) return undefined;
  if (seq.flow)
    return removeFlowElement(
      ctx,
      seq.items.map((n) => [n.range[0], n.range[1]]),
      i,
    );
  const dash = dashOf(ctx.text, item);
  if (!onlySpacesBefore(ctx.text, dash)) return undefined;
  return removeLines(ctx, dash, contentEnd(ctx.text, item));
}

/** Removes pair `i` of a map. */
export function removePair(ctx: EditContext, map: YAMLMap.Parsed, i: number): TextEdit | undefined {
  const pairs = map.items as YPair[];
  const pair = pairs[i];
  if (!pair) return undefined;
  if (map.flow)
    return removeFlowElement(
      ctx,
      pairs.map((p) => pairRange(ctx, p)),
      i,
    );
  const [start, end] = pairRange(ctx, pair);
  if (onlySpacesBefore(ctx.text, start)) return removeLines(ctx, start, end);
  const next = pairs[i + 1];
  // `- default: true` with more keys below: keep the dash, let the next key move up.
  return next ? edit(ctx, start, pairRange(ctx, next)[0], '') : undefined;
}

/** Replaces an empty flow collection `[]`/`{}` by block lines under its key. */
function emptyFlowToBlock(ctx: EditContext, node: ParsedNode, lines: string[]): TextEdit {
  const nl = newlineOf(ctx.text);
  const pad = ' '.repeat(lineIndent(ctx.text, node.range[0]) + 2);
  return edit(ctx, node.range[0], node.range[1], lines.map((l) => nl + pad + l).join(''));
}

/**
 * Appends an item to a sequence: `lines` (first after the dash, the others below it) in a
 * block sequence, `flow` in a flow one.
 */
export function appendSeqItem(
  ctx: EditContext,
  seq: YAMLSeq.Parsed,
  lines: string[],
  flow: string,
): TextEdit {
  const last = seq.items[seq.items.length - 1];
  if (seq.flow || !last) {
    if (!last) {
      const block = lines.map((l, j) => (j === 0 ? `- ${l}` : `  ${l}`));
      return emptyFlowToBlock(ctx, seq, block);
    }
    return edit(ctx, last.range[1], last.range[1], `, ${flow}`);
  }
  const first = seq.items[0] ?? last;
  const nl = newlineOf(ctx.text);
  const col = columnOf(ctx.text, dashOf(ctx.text, first));
  const at = lineEnd(ctx.text, contentEnd(ctx.text, last));
  const body = lines.map((l, j) =>
    j === 0 ? `${' '.repeat(col)}- ${l}` : `${' '.repeat(col + 2)}${l}`,
  );
  return edit(ctx, at, at, body.map((l) => nl + l).join(''));
}

/**
 * Adds `key: value` to a map. `value` is a one-line YAML value; `block` (optional) are lines
 * written under the key instead, for block maps.
 */
export function addPair(
  ctx: EditContext,
  map: YAMLMap.Parsed,
  key: string,
  value: string,
  block?: string[],
): TextEdit {
  const pairs = map.items as YPair[];
  const last = pairs[pairs.length - 1];
  if (!last)
    return emptyFlowToBlock(
      ctx,
      map,
      block ? [`${key}:`, ...block.map((l) => `  ${l}`)] : [`${key}: ${value}`],
    );
  if (map.flow) {
    const end = pairRange(ctx, last)[1];
    return edit(ctx, end, end, `, ${key}: ${value}`);
  }
  const nl = newlineOf(ctx.text);
  const col = columnOf(ctx.text, pairRange(ctx, pairs[0] ?? last)[0]);
  const at = lineEnd(ctx.text, pairRange(ctx, last)[1]);
  const pad = ' '.repeat(col);
  const text = block
    ? `${pad}${key}:${block.map((l) => `${nl}${pad}  ${l}`).join('')}`
    : `${pad}${key}: ${value}`;
  return edit(ctx, at, at, nl + text);
}

/**
 * Sets the value of a pair: replaces a present value, or writes one after the colon of an
 * empty one. `block` lines (optional) are written under the key when the value is empty.
 */
export function setPairValue(
  ctx: EditContext,
  pair: YPair,
  value: string,
  block?: string[],
): TextEdit {
  if (pair.value && !isEmptyNode(pair.value))
    return edit(ctx, pair.value.range[0], pair.value.range[1], value);
  const at = pairContentEnd(ctx.text, pair);
  const hasColon = ctx.text[at - 1] === ':';
  if (block && hasColon) {
    const nl = newlineOf(ctx.text);
    const pad = ' '.repeat(columnOf(ctx.text, pair.key?.range[0] ?? at) + 2);
    return edit(ctx, at, at, block.map((l) => nl + pad + l).join(''));
  }
  return edit(ctx, at, at, hasColon ? ` ${value}` : `: ${value}`);
}

/** A value node as a map, for callers that branch on the shape. */
export function asMap(node: ParsedNode | null | undefined): YAMLMap.Parsed | undefined {
  return node && isMap(node) ? node : undefined;
}
/** A value node as a sequence, for callers that branch on the shape. */
export function asSeq(node: ParsedNode | null | undefined): YAMLSeq.Parsed | undefined {
  return node && isSeq(node) ? node : undefined;
}

/** One edit that turns `text` into `next`, trimmed to the part that differs. */
export function replaceAll(ctx: EditContext, next: string): TextEdit {
  return minimalEdit(ctx.file, ctx.text, next);
}
