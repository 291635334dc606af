import { isMap, parseDocument, type ParsedNode, type YAMLMap } from 'yaml';
import type { TextEdit } from '../diagnostics.ts';
import type { Hardening, Mechanism } from '../model.ts';
import {
  addPair,
  type EditContext,
  isEmptyNode,
  keyText,
  setPairValue,
  type YPair,
} from '../yaml/index.ts';

/**
 * Edits one file format knows how to make; each returns `undefined` when the text is not in a
 * shape it can edit in place (the caller then rewrites the file).
 */
export interface FormatEditor {
  /** Places `lib` in `compartment`, adding an entry when the library has none. */
  setCompartment(lib: string, compartment: string): TextEdit | undefined;
  /** Adds per-library hardening; `compartment` is used when a new entry is needed. */
  addHardening(lib: string, hardening: Hardening, compartment: string): TextEdit | undefined;
  appendCompartment(name: string, mechanism: Mechanism): TextEdit | undefined;
  removeCompartment(name: string): TextEdit | undefined;
  /** Sets the mechanism of compartment `name`, keeping the spelling of the rest of its entry. */
  setMechanism(name: string, mechanism: Mechanism): TextEdit | undefined;
  /** Sets `lib`'s own hardening to `list` (`compartment` when a new entry is needed). */
  setHardening(lib: string, list: Hardening[], compartment: string): TextEdit | undefined;
  /** Sets compartment `name`'s hardening to `list`. */
  setCompartmentHardening(name: string, list: Hardening[]): TextEdit | undefined;
}

/** The root map of a document and its first pair for each key. */
export function rootPairs(
  text: string,
): { root: YAMLMap.Parsed; get(key: string): YPair | undefined } | undefined {
  // Only texts that parsed as an image get here; the duplicate-key check is quadratic.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const root = doc.contents;
  if (!root || !isMap(root)) return undefined;
  const pairs = root.items as YPair[];
  return { root, get: (key) => pairs.find((p) => keyText(p) === key) };
}

/** The pair of `map` with key `key`. */
export function pairOf(node: ParsedNode | null | undefined, key: string): YPair | undefined {
  return node && isMap(node) ? (node.items as YPair[]).find((p) => keyText(p) === key) : undefined;
}

/**
 * Sets `key` of the map in `pair`'s value: replaces its value, adds the key to the map, or,
 * when the value is empty, writes a new map there (`{ key: value }` or `block` lines).
 */
export function setInValue(
  ctx: EditContext,
  pair: YPair,
  key: string,
  value: string,
  block: string[],
): TextEdit | undefined {
  const map = pair.value;
  const existing = pairOf(map, key);
  if (existing) return setPairValue(ctx, existing, value);
  if (map && isMap(map)) return addPair(ctx, map, key, value);
  if (!isEmptyNode(map)) return undefined;
  return setPairValue(ctx, pair, `{ ${key}: ${value} }`, block);
}
