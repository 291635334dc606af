import { isMap, isSeq, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../diagnostics.ts';
import type { Hardening, Mechanism } from '../model.ts';
import { rootPairs, setInValue, type FormatEditor } from './format-editor.ts';
import {
  addPair,
  appendSeqItem,
  asSeq,
  columnOf,
  type EditContext,
  isEmptyNode,
  keyText,
  removeSeqItem,
  setPairValue,
  yamlScalar,
  type YPair,
} from '../yaml/index.ts';

/** In-place edits of `config.yaml` (lists of single-key maps). */
export function createConfigYamlEditor(ctx: EditContext): FormatEditor | undefined {
  const top = rootPairs(ctx.text);
  if (!top) return undefined;
  const { root } = top;

  /** The `name: value` pair of the item named `name` in the list under `key`. */
  const find = (
    key: string,
    name: string,
  ): { seq: YAMLSeq.Parsed; index: number; pair?: YPair } | undefined => {
    const seq = asSeq(top.get(key)?.value);
    if (!seq) return undefined;
    const index = seq.items.findIndex(
      (item) =>
        isMap(item) && item.items[0] !== undefined && keyText(item.items[0] as YPair) === name,
    );
    const item = seq.items[index];
    const pair =
      item && isMap(item) && item.items.length === 1 ? (item.items[0] as YPair) : undefined;
    return pair ? { seq, index, pair } : { seq, index: -1 };
  };

  /** Adds `- lib: value` to `libraries`, creating the list when needed. */
  const addLibrary = (lib: string, value: string): TextEdit | undefined => {
    const line = `${yamlScalar(lib)}: ${value}`;
    const libs = top.get('libraries');
    if (!libs) return addPair(ctx, root, 'libraries', `[{ ${line} }]`, [`- ${line}`]);
    if (isEmptyNode(libs.value)) return setPairValue(ctx, libs, `[{ ${line} }]`, [`- ${line}`]);
    const seq = asSeq(libs.value);
    return seq ? appendSeqItem(ctx, seq, [line], `{ ${line} }`) : undefined;
  };

  return {
    setCompartment(lib, compartment) {
      const found = find('libraries', lib);
      const comp = yamlScalar(compartment);
      if (!found?.pair)
        return found || !top.get('libraries') || isEmptyNode(top.get('libraries')?.value)
          ? addLibrary(lib, comp)
          : undefined;
      const value = found.pair.value;
      if (isEmptyNode(value) || (value && !isMap(value) && !isSeq(value)))
        return setPairValue(ctx, found.pair, comp);
      return isMap(value) ? setInValue(ctx, found.pair, 'compartment', comp, []) : undefined;
    },
    addHardening(lib: string, hardening: Hardening, compartment: string) {
      const found = find('libraries', lib);
      const perLibrary = `{ compartment: ${yamlScalar(compartment)}, hardening: [${hardening}] }`;
      if (!found?.pair)
        return found || !top.get('libraries') || isEmptyNode(top.get('libraries')?.value)
          ? addLibrary(lib, perLibrary)
          : undefined;
      const value = found.pair.value;
      if (!value || !isMap(value))
        return isSeq(value) ? undefined : setPairValue(ctx, found.pair, perLibrary);
      const list = (value.items as YPair[]).find((p) => keyText(p) === 'hardening');
      const seq = asSeq(list?.value);
      if (seq) return appendSeqItem(ctx, seq, [hardening], hardening);
      return setInValue(ctx, found.pair, 'hardening', `[${hardening}]`, []);
    },
    appendCompartment(name: string, mechanism: Mechanism) {
      const seq = asSeq(top.get('compartments')?.value);
      if (!seq) return undefined;
      const flow = `${yamlScalar(name)}: { mechanism: ${mechanism} }`;
      const first = seq.items[0];
      const firstValue =
        first && isMap(first) ? (first.items[0] as YPair | undefined)?.value : undefined;
      if (firstValue && isMap(firstValue) && firstValue.flow)
        return appendSeqItem(ctx, seq, [flow], `{ ${flow} }`);
      // Nest the mechanism as deep below the name as the first compartment does.
      let inner = 2;
      const firstKey =
        firstValue && isMap(firstValue)
          ? (firstValue.items[0] as YPair | undefined)?.key
          : undefined;
      if (first && firstKey)
        inner = Math.max(
          1,
          columnOf(ctx.text, firstKey.range[0]) - columnOf(ctx.text, first.range[0]),
        );
      return appendSeqItem(
        ctx,
        seq,
        [`${yamlScalar(name)}:`, `${' '.repeat(inner)}mechanism: ${mechanism}`],
        `{ ${flow} }`,
      );
    },
    removeCompartment(name: string) {
      const found = find('compartments', name);
      return found?.pair ? removeSeqItem(ctx, found.seq, found.index) : undefined;
    },
  };
}
