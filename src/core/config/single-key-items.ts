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
   * The flat form of the FlexOS talks: `- comp1:` with no value, then its properties at the
   * same indentation as the name, which YAML reads as more keys of the same list item.
   * `pairs` are those properties, `item` the list item's map that holds them and the name.
   */
  flat?: { pairs: YPair[]; item: YAMLMap.Parsed };
  /** Removes the whole item; absent when the item holds more than this entry. */
  remove?: TextEdit;
}

/**
 * The entries of a list of single-key maps, in either form: nested (`- comp1:` with a map
 * value) or flat (`- comp1:` with no value, then properties as more keys of the same item:
 * at least one of them a known property, `propertyKeys`). Any other item with several keys
 * holds several entries missing their dash (`config/missing-dash`, with a fix), read as meant.
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
    const remove = (): TextEdit | undefined => removeSeqItem(ctx, seq, i);
    if (rest.length === 0) {
      const r = remove();
      if (head) out.push(r ? { ...head, remove: r } : head);
      return;
    }
    if (isEmptyNode(first.value) && rest.some((p) => propertyKeys.includes(keyText(p) ?? ''))) {
      const r = remove();
      if (head) out.push({ ...head, flat: { pairs: rest, item }, ...(r ? { remove: r } : {}) });
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
