import { isMap, type ParsedNode, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Span, TextEdit } from '../diagnostics.ts';
import {
  isEmptyNode,
  keySpan,
  keyText,
  nodeSpan,
  type YamlContext,
  removeSeqItem,
  report,
  spanAt,
  wrongType,
  type YPair,
} from '../yaml/index.ts';

/** One `- name: value` item of a `config.yaml` list. */
export interface ItemEntry {
  name: string;
  nameSpan: Span;
  /** The `name: value` pair. */
  pair: YPair;
  /**
   * Properties written one indentation level too shallow (`- comp1:` then `mechanism:` under
   * the dash), read as if nested so the rest of the file still checks.
   */
  shallow?: YPair[];
  /** Removes the whole item; absent when the item holds more than this entry. */
  remove?: TextEdit;
}

/**
 * The entries of a list of single-key maps. A map item with more keys is either a nested map
 * indented too little (`config/bad-indentation`) or several entries missing their dash
 * (`config/missing-dash`); both are reported with a fix and read as meant.
 */
export function singleKeyItems(
  ctx: YamlContext,
  seq: YAMLSeq.Parsed,
  propertyKeys: readonly string[],
  what: string,
): ItemEntry[] {
  const out: ItemEntry[] = [];
  seq.items.forEach((item, i) => {
    if (!isMap(item) || item.items.length === 0) {
      wrongType(ctx, item, nodeSpan(ctx, item), `a ${what} as \`- name: ...\``);
      return;
    }
    const pairs = item.items as YPair[];
    const [first, ...rest] = pairs;
    if (!first) return;
    const entry = (pair: YPair): ItemEntry | undefined => {
      const name = keyText(pair);
      if (name !== undefined) return { name, nameSpan: keySpan(ctx, pair), pair };
      report(ctx, 'wrong-type', 'error', `Expected a ${what} name.`, keySpan(ctx, pair));
      return undefined;
    };
    const head = entry(first);
    if (rest.length === 0) {
      const remove = removeSeqItem(ctx, seq, i);
      if (head) out.push(remove ? { ...head, remove } : head);
      return;
    }
    if (isEmptyNode(first.value) && rest.every((p) => propertyKeys.includes(keyText(p) ?? ''))) {
      reportShallow(ctx, item, rest);
      if (head) out.push({ ...head, shallow: rest });
      return;
    }
    if (head) out.push(head);
    for (const pair of rest) {
      const e = entry(pair);
      if (!e) continue;
      reportMissingDash(ctx, item, pair, what);
      out.push(e);
    }
  });
  return out;
}

function reportShallow(ctx: YamlContext, item: YAMLMap.Parsed, rest: YPair[]): void {
  const start = rest[0]?.key?.range[0] ?? item.range[0];
  const last = rest[rest.length - 1];
  const end = last?.value?.range[1] ?? last?.key?.range[1] ?? start;
  const edits: TextEdit[] = [];
  if (!item.flow) {
    // Indent every line from the first shallow key to the end of the last one by two spaces.
    for (let at = ctx.text.lastIndexOf('\n', start - 1) + 1; at < end;) {
      edits.push({ file: ctx.file, start: at, end: at, text: '  ' });
      const nl = ctx.text.indexOf('\n', at);
      if (nl < 0 || nl + 1 >= end) break;
      at = nl + 1;
    }
  }
  const fixes = edits.length > 0 ? [{ title: 'Indent these keys under the name', edits }] : [];
  const message = 'These keys belong under the name above: indent them two more spaces.';
  report(ctx, 'bad-indentation', 'error', message, spanAt(ctx, start, end), fixes);
}

function reportMissingDash(ctx: YamlContext, item: ParsedNode, pair: YPair, what: string): void {
  const span = keySpan(ctx, pair);
  const fixes = [];
  if (isMap(item) && !item.flow && ctx.text.slice(span.start - 2, span.start) === '  ') {
    const edits = [{ file: ctx.file, start: span.start - 2, end: span.start, text: '- ' }];
    fixes.push({ title: 'Start a new list item', edits });
  }
  const message = `Each list item holds one ${what}; start this one with '- '.`;
  report(ctx, 'missing-dash', 'error', message, span, fixes);
}
