import { isMap } from 'yaml';
import type { TextEdit } from '../diagnostics.ts';
import type { Hardening, Mechanism } from '../model.ts';
import { pairOf, rootPairs, setInValue, type FormatEditor } from './format-editor.ts';
import { toKraftDriver } from '../names/index.ts';
import { isCoreLibrary } from './print-kraft.ts';
import {
  addPair,
  appendSeqItem,
  asSeq,
  type EditContext,
  isEmptyNode,
  removeSeqItem,
  scalarText,
  setPairValue,
  yamlScalar,
  type YPair,
} from '../yaml/index.ts';

/** In-place edits of `kraft.yaml` (compartments as `- name:` maps, libraries as a map). */
export function createKraftYamlEditor(ctx: EditContext): FormatEditor | undefined {
  const top = rootPairs(ctx.text);
  if (!top) return undefined;
  const { root } = top;

  /** Adds `lib:` with `props` lines to `libraries`, creating the map when needed. */
  const addLibrary = (lib: string, props: string[]): TextEdit | undefined => {
    const first = isCoreLibrary(lib) ? 'is_core: true' : 'version: staging';
    const lines = [first, ...props];
    const flow = `{ ${lines.join(', ')} }`;
    const block = [`${yamlScalar(lib)}:`, ...lines.map((l) => `  ${l}`)];
    const libs = top.get('libraries');
    if (!libs) return addPair(ctx, root, 'libraries', `{ ${yamlScalar(lib)}: ${flow} }`, block);
    if (isEmptyNode(libs.value))
      return setPairValue(ctx, libs, `{ ${yamlScalar(lib)}: ${flow} }`, block);
    if (!libs.value || !isMap(libs.value)) return undefined;
    return addPair(ctx, libs.value, yamlScalar(lib), flow, lines);
  };
  const libraryPair = (lib: string): YPair | undefined => pairOf(top.get('libraries')?.value, lib);
  const librariesEditable = (): boolean => {
    const libs = top.get('libraries');
    return !libs || isEmptyNode(libs.value) || (libs.value !== null && isMap(libs.value));
  };

  return {
    setCompartment(lib: string, compartment: string) {
      const pair = libraryPair(lib);
      const comp = yamlScalar(compartment);
      if (!pair) return librariesEditable() ? addLibrary(lib, [`compartment: ${comp}`]) : undefined;
      return setInValue(ctx, pair, 'compartment', comp, [`compartment: ${comp}`]);
    },
    addHardening(lib: string, hardening: Hardening, compartment: string) {
      const pair = libraryPair(lib);
      if (!pair) {
        const props = [`compartment: ${yamlScalar(compartment)}`, `hardening: [${hardening}]`];
        return librariesEditable() ? addLibrary(lib, props) : undefined;
      }
      const seq = asSeq(pairOf(pair.value, 'hardening')?.value);
      if (seq) return appendSeqItem(ctx, seq, [hardening], hardening);
      return setInValue(ctx, pair, 'hardening', `[${hardening}]`, [`hardening: [${hardening}]`]);
    },
    appendCompartment(name: string, mechanism: Mechanism) {
      const seq = asSeq(top.get('compartments')?.value);
      if (!seq) return undefined;
      const driver = toKraftDriver(mechanism);
      const lines = [`name: ${yamlScalar(name)}`, 'mechanism:', `  driver: ${driver}`];
      return appendSeqItem(
        ctx,
        seq,
        lines,
        `{ name: ${yamlScalar(name)}, mechanism: { driver: ${driver} } }`,
      );
    },
    // Exact hardening lists are set by loading a configuration into config.yaml; kraft.yaml
    // is rewritten then (printKraftYaml keeps what the playground does not model).
    setHardening: () => undefined,
    setCompartmentHardening: () => undefined,
    setMechanism(name: string, mechanism: Mechanism) {
      const seq = asSeq(top.get('compartments')?.value);
      const item = seq?.items.find((i) => scalarText(pairOf(i, 'name')?.value) === name);
      const mech = pairOf(item, 'mechanism');
      if (!mech) return undefined;
      const driver = toKraftDriver(mechanism);
      return setInValue(ctx, mech, 'driver', driver, [`driver: ${driver}`]);
    },
    removeCompartment(name: string) {
      const seq = asSeq(top.get('compartments')?.value);
      const index = seq
        ? seq.items.findIndex((item) => scalarText(pairOf(item, 'name')?.value) === name)
        : -1;
      return seq && index >= 0 ? removeSeqItem(ctx, seq, index) : undefined;
    },
  };
}
