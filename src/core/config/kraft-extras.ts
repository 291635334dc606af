import {
  isAlias,
  isMap,
  isPair,
  isSeq,
  stringify,
  YAMLMap,
  type Document,
  type ParsedNode,
} from 'yaml';
import { keyText, scalarText, type YPair } from '../yaml/index.ts';
import { setOwn } from './read-image.ts';

/**
 * What a `kraft.yaml` holds that the image model does not, kept so that writing the file again
 * (`printKraftYaml`: `convert`, or a rewrite when an edit cannot be made in place) loses none
 * of it. Plain data (survives `structuredClone`): each kept `key: value` pair is YAML text
 * written from column 0, its comments included.
 */
export interface KraftExtras {
  /**
   * Top-level pairs other than `specification`, `name`, `unikraft`, `compartments`,
   * `libraries` and `aliases` (`targets`, `volumes`, `networks`, unknown keys), in file order;
   * `after` is true for those written after `compartments:`.
   */
  top: { text: string; after: boolean }[];
  /** `unikraft:`, when it is a map: its pairs besides `kconfig`, and its Kconfig options. */
  unikraft?: { pairs: string[]; kconfig?: KraftKconfig };
  /**
   * Per compartment (by name): the pairs under `mechanism:` besides `driver` (`noisolstack`),
   * and its own keys besides `name`, `mechanism`, `default` and `hardening`.
   */
  compartments: Record<string, { mechanism: string[]; other: string[] }>;
  /** Per library (by name): its pairs besides `compartment` and `hardening` (`version`, `is_core`, `kconfig`, ...). */
  libraries: Record<string, string[]>;
}

/** `unikraft: kconfig:` as written: a list (`- CONFIG_X=y`) or a map (`CONFIG_X: y`). */
export interface KraftKconfig {
  form: 'list' | 'map';
  /** Each option as `NAME=value` (to recognise it) and as its text in the file. */
  items: { option: string; text: string }[];
}

const MODEL_TOP = ['specification', 'name', 'unikraft', 'compartments', 'libraries', 'aliases'];
const MODEL_COMPARTMENT = ['name', 'mechanism', 'default', 'hardening'];
const MODEL_LIBRARY = ['compartment', 'hardening'];

/** Reads what the image model does not hold from the root map of a `kraft.yaml`. */
export function readKraftExtras(
  text: string,
  doc: Document.Parsed,
  root: YAMLMap.Parsed,
): KraftExtras {
  const extras: KraftExtras = { top: [], compartments: {}, libraries: {} };
  const keep = (pair: YPair): string | undefined => pairText(doc, pair);
  let after = false;
  for (const pair of root.items as YPair[]) {
    const key = keyText(pair);
    if (key === 'compartments') after = true;
    if (key === 'unikraft' && pair.value && isMap(pair.value)) {
      extras.unikraft = readUnikraft(text, doc, pair.value);
      continue;
    }
    if (key !== undefined && MODEL_TOP.includes(key)) continue;
    const t = keep(pair);
    if (t !== undefined) extras.top.push({ text: t, after });
  }
  const get = (key: string): ParsedNode | null | undefined =>
    (root.items as YPair[]).find((p) => keyText(p) === key)?.value;
  const comps = get('compartments');
  for (const item of comps && isSeq(comps) ? comps.items : []) {
    if (!isMap(item)) continue;
    const pairs = item.items as YPair[];
    const name = scalarText(pairs.find((p) => keyText(p) === 'name')?.value);
    if (name === undefined || Object.hasOwn(extras.compartments, name)) continue;
    const mech = pairs.find((p) => keyText(p) === 'mechanism')?.value;
    const mechanism =
      mech && isMap(mech) ? keepAll(doc, mech.items as YPair[], (k) => k !== 'driver') : [];
    const other = keepAll(doc, pairs, (k) => !MODEL_COMPARTMENT.includes(k));
    setOwn(extras.compartments, name, { mechanism, other });
  }
  const libs = get('libraries');
  for (const pair of libs && isMap(libs) ? (libs.items as YPair[]) : []) {
    const name = keyText(pair);
    if (name === undefined || Object.hasOwn(extras.libraries, name)) continue;
    const v = pair.value;
    const kept =
      v && isMap(v) ? keepAll(doc, v.items as YPair[], (k) => !MODEL_LIBRARY.includes(k)) : [];
    setOwn(extras.libraries, name, kept);
  }
  return extras;
}

function readUnikraft(
  text: string,
  doc: Document.Parsed,
  map: YAMLMap.Parsed,
): NonNullable<KraftExtras['unikraft']> {
  const pairs = keepAll(doc, map.items as YPair[], (k) => k !== 'kconfig');
  const node = (map.items as YPair[]).find((p) => keyText(p) === 'kconfig')?.value;
  const source = (n: ParsedNode): string => {
    const s = text.slice(n.range[0], n.range[1]);
    // A plain scalar folded over lines reads as one line with spaces.
    return /[\r\n]/.test(s) ? JSON.stringify(scalarText(n) ?? '') : s;
  };
  if (node && isSeq(node)) {
    const items = node.items.flatMap((item) => {
      const option = scalarText(item);
      return option === undefined || !item ? [] : [{ option, text: source(item) }];
    });
    return { pairs, kconfig: { form: 'list', items } };
  }
  if (node && isMap(node)) {
    const items = (node.items as YPair[]).flatMap((p) => {
      const name = keyText(p);
      if (name === undefined || !p.key) return [];
      const value = scalarText(p.value) ?? '';
      const text = p.value ? `${source(p.key)}: ${source(p.value)}` : `${source(p.key)}:`;
      return [{ option: `${name}=${value}`, text }];
    });
    return { pairs, kconfig: { form: 'map', items } };
  }
  return { pairs };
}

function keepAll(
  doc: Document.Parsed,
  pairs: readonly YPair[],
  wanted: (key: string) => boolean,
): string[] {
  return pairs.flatMap((p) => {
    const key = keyText(p);
    const t = key !== undefined && wanted(key) ? pairText(doc, p) : undefined;
    return t === undefined ? [] : [t];
  });
}

/** Options for writing kept pairs: no folding of long lines, `[a, b]` as people write it. */
const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * One pair as YAML text from column 0, comments and scalar styles kept. A pair that uses an
 * alias is written resolved (its anchor may be elsewhere in the file); one whose aliases expand
 * beyond reason is left out rather than thrown on.
 */
function pairText(doc: Document.Parsed, pair: YPair): string | undefined {
  if (!hasAlias(pair)) {
    const map = new YAMLMap();
    map.items.push(pair);
    return stringify(map, STRINGIFY).trimEnd();
  }
  const key = keyText(pair);
  if (key === undefined) return undefined;
  try {
    const value: unknown = pair.value ? pair.value.toJS(doc, { maxAliasCount: 100 }) : null;
    return stringify({ [key]: value }, STRINGIFY).trimEnd();
  } catch {
    // `yaml` throws on an alias bomb; that pair is dropped from the rewrite, nothing else.
    return undefined;
  }
}

function hasAlias(pair: YPair): boolean {
  const stack: unknown[] = [pair.key, pair.value];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isAlias(n)) return true;
    if (isMap(n) || isSeq(n)) for (const item of n.items) stack.push(item);
    else if (isPair(n)) stack.push(n.key, n.value);
  }
  return false;
}

/** `text` (lines of YAML from column 0) indented by `n` spaces; blank lines stay blank. */
export function indentLines(text: string, n: number): string[] {
  const pad = ' '.repeat(n);
  return text.split(/\r?\n/).map((l) => (l.trim() === '' ? '' : pad + l));
}
