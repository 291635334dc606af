import { isMap, isSeq, type ParsedNode, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../diagnostics.ts';
import type { Hardening, Mechanism } from '../model.ts';
import { pairOf, rootPairs, setInValue, type FormatEditor } from './format-editor.ts';
import {
  addPair,
  appendSeqItem,
  asSeq,
  columnOf,
  type EditContext,
  isEmptyNode,
  keyText,
  removePair,
  removeSeqItem,
  setPairValue,
  yamlScalar,
  type YPair,
} from '../yaml/index.ts';

/** One entry of a `config.yaml` list, as the editor finds it. */
interface Entry {
  seq: YAMLSeq.Parsed;
  index: number;
  /** The `name: value` pair. */
  pair: YPair;
  /** In the flat form (`- name:` then properties as more keys of the item), the item's map. */
  flat?: YAMLMap.Parsed;
}

/** True for a list item in the flat form: a first key without value, then more keys. */
function isFlatItem(item: ParsedNode | null | undefined): item is YAMLMap.Parsed {
  return (
    !!item &&
    isMap(item) &&
    item.items.length > 1 &&
    isEmptyNode((item.items[0] as YPair | undefined)?.value)
  );
}

/**
 * In-place edits of `config.yaml` (lists of single-key maps), in whichever form each entry is
 * written: nested (`- comp1:` with a map under it) or flat (`- comp1:` with its properties at
 * the same indentation). A new compartment takes the form of the first one.
 */
export function createConfigYamlEditor(ctx: EditContext): FormatEditor | undefined {
  const top = rootPairs(ctx.text);
  if (!top) return undefined;
  const { root } = top;
  /** For a change already true of the text (plan() drops it). */
  const NO_EDIT: TextEdit = { file: ctx.file, start: 0, end: 0, text: '' };

  /**
   * The entry named `name` in the list under `key`: `null` when the list has none, `undefined`
   * when the list is missing or the entry is in a shape these edits do not handle.
   */
  const find = (key: string, name: string): Entry | null | undefined => {
    const seq = asSeq(top.get(key)?.value);
    if (!seq) return undefined;
    const index = seq.items.findIndex(
      (item) =>
        isMap(item) && item.items[0] !== undefined && keyText(item.items[0] as YPair) === name,
    );
    const item = seq.items[index];
    if (!item || !isMap(item)) return null;
    const pair = item.items[0] as YPair;
    if (item.items.length === 1) return { seq, index, pair };
    return isFlatItem(item) ? { seq, index, pair, flat: item } : undefined;
  };

  /** Sets `prop` of an entry: in its item's map when flat, else in its value. */
  const setProperty = (entry: Entry, prop: string, value: string): TextEdit | undefined => {
    if (!entry.flat) return setInValue(ctx, entry.pair, prop, value, []);
    const existing = pairOf(entry.flat, prop);
    return existing ? setPairValue(ctx, existing, value) : addPair(ctx, entry.flat, prop, value);
  };

  /**
   * Sets or removes `hardening` of an entry whose properties are a map: `[a, b]` in place of
   * the old list (flow or block), or the pair removed for an empty list.
   */
  const setHardeningOf = (entry: Entry, list: Hardening[]): TextEdit | undefined => {
    const props = entry.flat ?? entry.pair.value;
    if (!props || !isMap(props)) return undefined;
    const index = (props.items as YPair[]).findIndex((p) => keyText(p) === 'hardening');
    if (list.length === 0) return index >= 0 ? removePair(ctx, props, index) : NO_EDIT;
    return setProperty(entry, 'hardening', `[${list.join(', ')}]`);
  };

  /** True when the list under `key` writes an entry in the flat form. */
  const usesFlatForm = (key: string): boolean =>
    asSeq(top.get(key)?.value)?.items.some((item) => isFlatItem(item)) ?? false;

  /** Adds a library entry to `libraries` (`lines` in block form), creating the list when needed. */
  const addLibrary = (lines: string[], flow: string): TextEdit | undefined => {
    const libs = top.get('libraries');
    const block = lines.map((l, j) => (j === 0 ? `- ${l}` : `  ${l}`));
    if (!libs) return addPair(ctx, root, 'libraries', `[${flow}]`, block);
    if (isEmptyNode(libs.value)) return setPairValue(ctx, libs, `[${flow}]`, block);
    const seq = asSeq(libs.value);
    return seq ? appendSeqItem(ctx, seq, lines, flow) : undefined;
  };

  return {
    setCompartment(lib, compartment) {
      const found = find('libraries', lib);
      const comp = yamlScalar(compartment);
      if (found === undefined && top.get('libraries') && !isEmptyNode(top.get('libraries')?.value))
        return undefined;
      if (!found) {
        const line = `${yamlScalar(lib)}: ${comp}`;
        return addLibrary([line], `{ ${line} }`);
      }
      const value = found.pair.value;
      if (found.flat) return setProperty(found, 'compartment', comp);
      if (isEmptyNode(value) || (value && !isMap(value) && !isSeq(value)))
        return setPairValue(ctx, found.pair, comp);
      return isMap(value) ? setProperty(found, 'compartment', comp) : undefined;
    },
    addHardening(lib: string, hardening: Hardening, compartment: string) {
      const found = find('libraries', lib);
      const comp = yamlScalar(compartment);
      const perLibrary = `{ compartment: ${comp}, hardening: [${hardening}] }`;
      if (found === undefined && top.get('libraries') && !isEmptyNode(top.get('libraries')?.value))
        return undefined;
      if (!found) {
        const name = yamlScalar(lib);
        const lines = usesFlatForm('libraries')
          ? [`${name}:`, `compartment: ${comp}`, `hardening: [${hardening}]`]
          : [`${name}: ${perLibrary}`];
        return addLibrary(lines, `{ ${name}: ${perLibrary} }`);
      }
      const props = found.flat ?? found.pair.value;
      if (!found.flat && (!props || !isMap(props)))
        return isSeq(props) ? undefined : setPairValue(ctx, found.pair, perLibrary);
      const seq = asSeq(pairOf(props, 'hardening')?.value);
      if (seq) return appendSeqItem(ctx, seq, [hardening], hardening);
      return setProperty(found, 'hardening', `[${hardening}]`);
    },
    appendCompartment(name: string, mechanism: Mechanism) {
      const seq = asSeq(top.get('compartments')?.value);
      if (!seq) return undefined;
      const flow = `${yamlScalar(name)}: { mechanism: ${mechanism} }`;
      const first = seq.items[0];
      if (isFlatItem(first) && !first.flow)
        return appendSeqItem(
          ctx,
          seq,
          [`${yamlScalar(name)}:`, `mechanism: ${mechanism}`],
          `{ ${flow} }`,
        );
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
      return found ? removeSeqItem(ctx, found.seq, found.index) : undefined;
    },
    setHardening(lib: string, list: Hardening[], compartment: string) {
      const found = find('libraries', lib);
      if (found === undefined) return undefined;
      const comp = yamlScalar(compartment);
      const flowList = `[${list.join(', ')}]`;
      if (!found) {
        if (list.length === 0) return NO_EDIT;
        const name = yamlScalar(lib);
        const perLibrary = `{ compartment: ${comp}, hardening: ${flowList} }`;
        const lines = usesFlatForm('libraries')
          ? [`${name}:`, `compartment: ${comp}`, `hardening: ${flowList}`]
          : [`${name}: ${perLibrary}`];
        return addLibrary(lines, `{ ${name}: ${perLibrary} }`);
      }
      const value = found.pair.value;
      if (!found.flat && (!value || !isMap(value))) {
        if (isSeq(value)) return undefined;
        return list.length === 0
          ? NO_EDIT
          : setPairValue(ctx, found.pair, `{ compartment: ${comp}, hardening: ${flowList} }`);
      }
      return setHardeningOf(found, list);
    },
    setCompartmentHardening(name: string, list: Hardening[]) {
      const found = find('compartments', name);
      return found ? setHardeningOf(found, list) : undefined;
    },
    setMechanism(name: string, mechanism: Mechanism) {
      const found = find('compartments', name);
      if (!found) return undefined;
      const props = found.flat ?? found.pair.value;
      return props && isMap(props) ? setProperty(found, 'mechanism', mechanism) : undefined;
    },
  };
}
