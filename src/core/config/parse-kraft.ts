import { isMap, isSeq, type ParsedNode, type YAMLSeq } from 'yaml';
import type { Mechanism, SharingMode } from '../model.ts';
import type { CompartmentConfig, ImageConfig, LibraryConfig } from './image-config.ts';
import type { CompartmentSource, ImageSource, LibrarySource, RawImage } from './image-source.ts';
import { KRAFT_SHARING_KCONFIG } from './kraft-kconfig.ts';
import { readKraftExtras } from './kraft-extras.ts';
import {
  readAliases,
  readRootDocument,
  defaultCompartmentName,
  fillMechanisms,
} from './read-image.ts';
import { readHardening, readMechanism, readString } from './read-fields.ts';
import {
  addPair,
  indexPairs,
  isEmptyNode,
  keySpan,
  keyText,
  nodeSpan,
  pairSpan,
  type YamlContext,
  readBoolean,
  removePair,
  removeSeqItem,
  report,
  requireKey,
  scalarText,
  setPairValue,
  valueSpan,
  wrongType,
  type YPair,
} from '../yaml/index.ts';

/** The specification version of `kraft.yaml` the FlexOS toolchain reads. */
export const KRAFT_SPECIFICATION = '0.6';

const TOP_KEYS = ['specification', 'name', 'compartments', 'libraries', 'aliases'];
/** Unikraft keys that say nothing about isolation: accepted and left alone. */
const UNIKRAFT_KEYS = ['unikraft', 'targets', 'architectures', 'platforms', 'volumes', 'networks'];
const COMPARTMENT_KEYS = ['name', 'mechanism', 'default', 'hardening'];
const MECHANISM_KEYS = ['driver', 'noisolstack'];
const LIBRARY_KEYS = ['version', 'source', 'kconfig', 'is_core', 'compartment', 'hardening'];

/**
 * Reads `kraft.yaml` (specification 0.6, as the FlexOS toolchain uses it) into an image with
 * its source positions; `null` without a root map. Unknown keys are warnings here: the
 * Unikraft format has more than this reader needs.
 */
export function readKraftYaml(ctx: YamlContext, defaultName: string): RawImage | null {
  const read = readRootDocument(ctx);
  if (!read) return null;
  const { doc, root } = read;
  const top = indexPairs(ctx, root.items as YPair[], TOP_KEYS, 'warning', UNIKRAFT_KEYS);
  const origin = { file: ctx.file, start: 0, end: 0 };
  checkSpecification(ctx, top.get('specification'));
  const compartmentsPair = requireKey(ctx, top, 'compartments', origin, 'The image');
  const source: ImageSource = {
    file: ctx.file,
    format: 'kraft',
    compartmentsKey: compartmentsPair ? keySpan(ctx, compartmentsPair) : origin,
    compartments: [],
    libraries: [],
    aliases: {},
  };
  const config: ImageConfig = {
    name: defaultName,
    sharing: readSharing(top.get('unikraft')),
    compartments: [],
    libraries: [],
    aliases: {},
  };
  const namePair = requireKey(ctx, top, 'name', origin, 'The image');
  const name = namePair ? readString(ctx, namePair, 'the image name as a string') : undefined;
  if (namePair && name !== undefined) {
    config.name = name;
    source.name = valueSpan(ctx, namePair);
  }

  const mechanisms: (Mechanism | undefined)[] = [];
  const seq = compartmentsPair?.value;
  if (seq && isSeq(seq)) {
    seq.items.forEach((item, i) => {
      const read = readCompartment(ctx, seq, item, i);
      if (!read) return;
      config.compartments.push(read.compartment);
      source.compartments.push(read.source);
      mechanisms.push(read.mechanism);
    });
  } else if (compartmentsPair)
    wrongType(ctx, seq ?? null, valueSpan(ctx, compartmentsPair), 'a list of compartments');
  fillMechanisms(config.compartments, mechanisms);

  const libsPair = requireKey(ctx, top, 'libraries', origin, 'The image');
  const libs = libsPair?.value;
  if (libs && isMap(libs)) {
    const fallback = defaultCompartmentName(config.compartments);
    (libs.items as YPair[]).forEach((pair, i) => {
      const read = readLibrary(ctx, pair, fallback);
      if (!read) return;
      const remove = removePair(ctx, libs, i);
      if (remove) read.source.remove = [remove];
      config.libraries.push(read.library);
      source.libraries.push(read.source);
    });
  } else if (libsPair && !isEmptyNode(libs)) {
    wrongType(ctx, libs ?? null, valueSpan(ctx, libsPair), 'a map of libraries');
  }
  const aliases = top.get('aliases');
  if (aliases) readAliases(ctx, aliases, config, source);
  config.kraft = readKraftExtras(ctx.text, doc, root);
  return { config, source };
}

function checkSpecification(ctx: YamlContext, pair: YPair | undefined): void {
  const text = pair ? scalarText(pair.value) : undefined;
  if (text === KRAFT_SPECIFICATION) return;
  const span = pair ? valueSpan(ctx, pair) : { start: 0, end: 0 };
  const edits = pair
    ? [{ file: ctx.file, start: span.start, end: span.end, text: `'${KRAFT_SPECIFICATION}'` }]
    : [];
  const fixes =
    edits.length > 0 ? [{ title: `Use specification '${KRAFT_SPECIFICATION}'`, edits }] : [];
  const message = `FlexOS reads kraft.yaml specification '${KRAFT_SPECIFICATION}'; found ${text === undefined ? 'none' : `'${text}'`}.`;
  report(ctx, 'unknown-specification', 'warning', message, span, fixes);
}

/** The sharing mode, from the FlexOS options in `unikraft: kconfig:` (list or map form). */
function readSharing(pair: YPair | undefined): SharingMode {
  const unikraft = pair?.value;
  const kconfig =
    unikraft && isMap(unikraft)
      ? (unikraft.items as YPair[]).find((p) => keyText(p) === 'kconfig')?.value
      : undefined;
  const options = new Set<string>();
  if (kconfig && isSeq(kconfig))
    for (const item of kconfig.items) options.add(scalarText(item) ?? '');
  if (kconfig && isMap(kconfig)) {
    for (const p of kconfig.items as YPair[])
      options.add(`${keyText(p) ?? ''}=${scalarText(p.value) ?? ''}`);
  }
  const found = (['shared-stack', 'dss'] as const).find((mode) =>
    options.has(`${KRAFT_SHARING_KCONFIG[mode]}=y`),
  );
  return found ?? 'heap';
}

function readCompartment(
  ctx: YamlContext,
  seq: YAMLSeq.Parsed,
  item: ParsedNode,
  index: number,
):
  | { compartment: CompartmentConfig; source: CompartmentSource; mechanism: Mechanism | undefined }
  | undefined {
  if (!isMap(item)) {
    wrongType(ctx, item, nodeSpan(ctx, item), 'a compartment map with `name:` and `mechanism:`');
    return undefined;
  }
  const pairs = item.items as YPair[];
  const props = indexPairs(ctx, pairs, COMPARTMENT_KEYS, 'warning');
  const namePair = requireKey(ctx, props, 'name', nodeSpan(ctx, item), 'A compartment');
  const name = namePair ? readString(ctx, namePair, 'a compartment name') : undefined;
  if (!namePair || name === undefined) return undefined;
  const nameSpan = valueSpan(ctx, namePair);
  const compartment: CompartmentConfig = {
    name,
    mechanism: 'fcalls',
    default: false,
    hardening: [],
    span: nameSpan,
  };
  const source: CompartmentSource = { name: nameSpan };
  const remove = removeSeqItem(ctx, seq, index);
  if (remove) source.remove = [remove];

  let mechanism: Mechanism | undefined;
  const mechPair = requireKey(ctx, props, 'mechanism', nameSpan, `Compartment '${name}'`);
  const mech = mechPair?.value;
  let driver = mechPair;
  if (mech && isMap(mech)) {
    const mprops = indexPairs(ctx, mech.items as YPair[], MECHANISM_KEYS, 'warning');
    driver = requireKey(
      ctx,
      mprops,
      'driver',
      valueSpan(ctx, mechPair as YPair),
      `Mechanism of '${name}'`,
    );
    const noisol = mprops.get('noisolstack');
    if (noisol) readBoolean(ctx, noisol, false);
  } else if (mechPair) {
    wrongType(ctx, mech ?? null, valueSpan(ctx, mechPair), '`driver:` under `mechanism:`');
  }
  const read = driver ? readMechanism(ctx, driver, 'kraft') : undefined;
  if (read) {
    mechanism = read.mechanism;
    source.mechanism = read.span;
  }

  const defPair = props.get('default');
  if (defPair) {
    compartment.default = readBoolean(ctx, defPair, false);
    if (compartment.default) source.defaultPair = pairSpan(ctx, defPair);
    const removed = removePair(ctx, item, pairs.indexOf(defPair));
    if (removed) source.removeDefault = [removed];
    if (!compartment.default) source.addDefault = [setPairValue(ctx, defPair, 'true')];
  } else source.addDefault = [addPair(ctx, item, 'default', 'true')];
  const hardening = props.get('hardening');
  if (hardening) compartment.hardening = readHardening(ctx, hardening);
  return { compartment, source, mechanism };
}

function readLibrary(
  ctx: YamlContext,
  pair: YPair,
  fallback: string,
): { library: LibraryConfig; source: LibrarySource } | undefined {
  const name = keyText(pair);
  if (name === undefined) {
    wrongType(ctx, pair.key, keySpan(ctx, pair), 'a library name');
    return undefined;
  }
  const nameSpan = keySpan(ctx, pair);
  const library: LibraryConfig = { name, compartment: fallback, hardening: [], span: nameSpan };
  const source: LibrarySource = { name: nameSpan };
  const value = pair.value;
  if (isEmptyNode(value)) return { library, source };
  if (!value || !isMap(value)) {
    wrongType(
      ctx,
      value ?? null,
      valueSpan(ctx, pair),
      'a map with `compartment:`, `version:`, ...',
    );
    return { library, source };
  }
  const props = indexPairs(ctx, value.items as YPair[], LIBRARY_KEYS, 'warning');
  const comp = props.get('compartment');
  const compName = comp ? readString(ctx, comp, 'a compartment name') : undefined;
  if (comp && compName !== undefined) {
    library.compartment = compName;
    source.compartment = valueSpan(ctx, comp);
  }
  const isCore = props.get('is_core');
  if (isCore) readBoolean(ctx, isCore, false);
  const hardening = props.get('hardening');
  if (hardening) library.hardening = readHardening(ctx, hardening);
  return { library, source };
}
