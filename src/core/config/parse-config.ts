import { isMap, isSeq, type YAMLMap } from 'yaml';
import type { Mechanism } from '../model.ts';
import type { CompartmentConfig, ImageConfig, LibraryConfig } from './image-config.ts';
import type { CompartmentSource, ImageSource, LibrarySource, RawImage } from './image-source.ts';
import { readAliases, readRoot, defaultCompartmentName, fillMechanisms } from './read-image.ts';
import { readHardening, readMechanism, readSharing, readString } from './read-fields.ts';
import { singleKeyItems, type ItemEntry } from './single-key-items.ts';
import {
  addPair,
  indexPairs,
  isEmptyNode,
  keySpan,
  pairSpan,
  type YamlContext,
  readBoolean,
  removePair,
  requireKey,
  setPairValue,
  valueSpan,
  wrongType,
  type YPair,
} from '../yaml/index.ts';

const TOP_KEYS = ['name', 'sharing', 'compartments', 'libraries', 'aliases'];
const COMPARTMENT_KEYS = ['mechanism', 'default', 'hardening'];
const LIBRARY_KEYS = ['compartment', 'hardening'];

/**
 * Reads `config.yaml` into an image with its source positions; `null` without a root map.
 * Without `name:` the image is called `defaultName` (the workspace's name).
 */
export function readConfigYaml(ctx: YamlContext, defaultName: string): RawImage | null {
  const root = readRoot(ctx);
  if (!root) return null;
  const top = indexPairs(ctx, root.items as YPair[], TOP_KEYS);
  const origin = { file: ctx.file, start: 0, end: 0 };
  const compartmentsPair = requireKey(ctx, top, 'compartments', origin, 'The image');
  const source: ImageSource = {
    file: ctx.file,
    format: 'config',
    compartmentsKey: compartmentsPair ? keySpan(ctx, compartmentsPair) : origin,
    compartments: [],
    libraries: [],
    aliases: {},
  };
  const config: ImageConfig = {
    name: defaultName,
    sharing: 'heap',
    compartments: [],
    libraries: [],
    aliases: {},
  };

  const namePair = top.get('name');
  const name = namePair ? readString(ctx, namePair, 'the image name as a string') : undefined;
  if (namePair && name !== undefined) {
    config.name = name;
    source.name = valueSpan(ctx, namePair);
  }
  const sharing = top.get('sharing');
  if (sharing) config.sharing = readSharing(ctx, sharing);

  const mechanisms: (Mechanism | undefined)[] = [];
  if (compartmentsPair) {
    const seq = compartmentsPair.value;
    if (seq && isSeq(seq)) {
      for (const entry of singleKeyItems(ctx, seq, COMPARTMENT_KEYS, 'compartment')) {
        const read = readCompartment(ctx, entry);
        config.compartments.push(read.compartment);
        source.compartments.push(read.source);
        mechanisms.push(read.mechanism);
      }
    } else wrongType(ctx, seq, valueSpan(ctx, compartmentsPair), 'a list of compartments');
  }
  fillMechanisms(config.compartments, mechanisms);

  const librariesPair = requireKey(ctx, top, 'libraries', origin, 'The image');
  const seq = librariesPair?.value;
  if (librariesPair && seq && isSeq(seq)) {
    const fallback = defaultCompartmentName(config.compartments);
    for (const entry of singleKeyItems(ctx, seq, LIBRARY_KEYS, 'library')) {
      const read = readLibrary(ctx, entry, fallback);
      config.libraries.push(read.library);
      source.libraries.push(read.source);
    }
  } else if (librariesPair && !isEmptyNode(seq)) {
    wrongType(ctx, seq ?? null, valueSpan(ctx, librariesPair), 'a list of libraries');
  }

  const aliases = top.get('aliases');
  if (aliases) readAliases(ctx, aliases, config, source);
  return { config, source };
}

/**
 * The properties of an entry and the map that holds them (for edits): its value's pairs in
 * the nested form, the other keys of its list item in the flat form.
 */
function properties(entry: ItemEntry): { pairs?: YPair[]; map?: YAMLMap.Parsed } {
  if (entry.flat) return { pairs: entry.flat.pairs, map: entry.flat.item };
  const v = entry.pair.value;
  return v && isMap(v) ? { pairs: v.items as YPair[], map: v } : {};
}

function readCompartment(
  ctx: YamlContext,
  entry: ItemEntry,
): { compartment: CompartmentConfig; source: CompartmentSource; mechanism: Mechanism | undefined } {
  const compartment: CompartmentConfig = {
    name: entry.name,
    mechanism: 'fcalls',
    default: false,
    hardening: [],
    span: entry.nameSpan,
  };
  const source: CompartmentSource = { name: entry.nameSpan };
  if (entry.remove) source.remove = [entry.remove];
  const { pairs, map } = properties(entry);
  if (!pairs) {
    if (isEmptyNode(entry.pair.value)) {
      source.addDefault = [setPairValue(ctx, entry.pair, '{ default: true }', ['default: true'])];
      requireKey(ctx, new Map(), 'mechanism', entry.nameSpan, `Compartment '${entry.name}'`);
    } else wrongType(ctx, entry.pair.value, valueSpan(ctx, entry.pair), 'a map with `mechanism:`');
    return { compartment, source, mechanism: undefined };
  }
  const props = indexPairs(ctx, pairs, COMPARTMENT_KEYS);
  let mechanism: Mechanism | undefined;
  const mechPair = requireKey(
    ctx,
    props,
    'mechanism',
    entry.nameSpan,
    `Compartment '${entry.name}'`,
  );
  if (mechPair) {
    const read = readMechanism(ctx, mechPair, 'config');
    if (read) {
      mechanism = read.mechanism;
      source.mechanism = read.span;
    }
  }
  const defPair = props.get('default');
  if (defPair) {
    compartment.default = readBoolean(ctx, defPair, false);
    if (compartment.default) source.defaultPair = pairSpan(ctx, defPair);
    const removed = map ? removePair(ctx, map, (map.items as YPair[]).indexOf(defPair)) : undefined;
    if (removed) source.removeDefault = [removed];
    if (!compartment.default) source.addDefault = [setPairValue(ctx, defPair, 'true')];
  } else if (map) {
    source.addDefault = [addPair(ctx, map, 'default', 'true')];
  }
  const hardening = props.get('hardening');
  if (hardening) compartment.hardening = readHardening(ctx, hardening);
  return { compartment, source, mechanism };
}

function readLibrary(
  ctx: YamlContext,
  entry: ItemEntry,
  fallback: string,
): { library: LibraryConfig; source: LibrarySource } {
  const library: LibraryConfig = {
    name: entry.name,
    compartment: fallback,
    hardening: [],
    span: entry.nameSpan,
  };
  const source: LibrarySource = { name: entry.nameSpan };
  if (entry.remove) source.remove = [entry.remove];
  const { pairs } = properties(entry);
  const value = entry.pair.value;
  if (pairs) {
    const props = indexPairs(ctx, pairs, LIBRARY_KEYS);
    const comp = requireKey(ctx, props, 'compartment', entry.nameSpan, `Library '${entry.name}'`);
    const name = comp ? readString(ctx, comp, 'a compartment name') : undefined;
    if (comp && name !== undefined) {
      library.compartment = name;
      source.compartment = valueSpan(ctx, comp);
    }
    const hardening = props.get('hardening');
    if (hardening) library.hardening = readHardening(ctx, hardening);
  } else if (isEmptyNode(value)) {
    requireKey(ctx, new Map(), 'compartment', entry.nameSpan, `Library '${entry.name}'`);
  } else {
    const name = readString(
      ctx,
      entry.pair,
      'a compartment name or `{ compartment: ..., hardening: [...] }`',
    );
    if (name !== undefined) {
      library.compartment = name;
      source.compartment = valueSpan(ctx, entry.pair);
    }
  }
  return { library, source };
}
