import { applyEdits } from '../diagnostics.ts';
import type { Hardening } from '../model.ts';
import { applyConfigChange } from './apply-config-change.ts';
import type { ImageChange } from './config-change.ts';
import { createConfigEdits } from './config-edits.ts';
import { compartmentOf, hardeningOf, mechanismOf, type ImageConfig } from './image-config.ts';
import { parseImageConfig } from './parse-image-config.ts';
import { printConfigYaml } from './print-config.ts';
import { printKraftYaml } from './print-kraft.ts';
import { isKraftFile } from './parse-image-config.ts';
import { setRootScalar } from './root-scalar.ts';

/** An image written into an existing config text. */
export interface PlacedText {
  text: string;
  /**
   * True when every step was an in-place edit, so the file's comments, order and form are
   * kept; false when some part had to be written anew (the file then reads as printed).
   */
  kept: boolean;
}

/**
 * Writes the placement of `target` (which library is in which compartment, each library's
 * hardening, the mechanism and the sharing mode) into the config text `text`, as a series of
 * in-place edits: existing compartments keep their names where they keep libraries (the one
 * sharing most libraries with a block of `target` takes it), new blocks get new names,
 * compartments left empty go, and hardening is set per library. Comments, key order, aliases
 * and the form of each entry stay. When the text cannot be read or an edit would misread its
 * layout, the whole file is printed from `target` instead (`kept: false`). The result always
 * places every library as `target` does.
 */
export function placeIntoText(text: string, file: string, target: ImageConfig): PlacedText {
  const before = parseImageConfig(text, file).config;
  if (!before) return { text: printed(file, text, target), kept: false };
  let current = text;
  let config = before;
  let kept = true;
  const step = (change: ImageChange): void => {
    const edits = createConfigEdits(current, file, { config, workspaceName: before.name });
    const inPlace = edits.inPlace(change);
    if (!inPlace) kept = false;
    current = applyEdits(current, inPlace ?? edits.edits(change));
    config = applyConfigChange(config, change);
  };

  const names = blockNames(before, target);
  const targetComp = (lib: string): string =>
    names.get(compartmentOf(target, lib)?.name ?? '') ?? '';
  // Moves first: a compartment some library stays in is never emptied on the way.
  for (const lib of target.libraries) {
    const to = targetComp(lib.name);
    if (compartmentOf(config, lib.name)?.name === to) continue;
    const exists = config.compartments.some((c) => c.name === to);
    step({ kind: exists ? 'move' : 'new-compartment', lib: lib.name, compartment: to });
  }
  if (mechanismOf(config) !== mechanismOf(target) || mixed(config))
    step({ kind: 'set-mechanism', mechanism: mechanismOf(target) });
  // Compartment hardening stays only where every library placed there wants all of it.
  for (const c of config.compartments) {
    const inside = target.libraries.filter((l) => targetComp(l.name) === c.name);
    const keep = c.hardening.filter((h) =>
      inside.every((l) => hardeningOf(target, l.name).includes(h)),
    );
    if (keep.length !== c.hardening.length)
      step({ kind: 'set-compartment-hardening', compartment: c.name, hardening: keep });
  }
  for (const lib of target.libraries) {
    const inherited = compartmentOf(config, lib.name)?.hardening ?? [];
    const own: Hardening[] = hardeningOf(target, lib.name).filter((h) => !inherited.includes(h));
    const entry = config.libraries.find((l) => l.name === lib.name);
    if (!sameSet(entry?.hardening ?? [], own))
      step({ kind: 'set-hardening', lib: lib.name, hardening: own });
  }
  if (config.sharing !== target.sharing) {
    const r = setRootScalar(current, file, 'sharing', target.sharing);
    if (r === undefined) kept = false;
    else current = r;
  }
  const result = parseImageConfig(current, file, before.name).config;
  if (!result || !samePlacement(result, target) || result.sharing !== target.sharing)
    return { text: printed(file, text, target), kept: false };
  return { text: current, kept };
}

function printed(file: string, text: string, target: ImageConfig): string {
  return isKraftFile(file, text) ? printKraftYaml(target) : printConfigYaml(target);
}

/** True when the compartments of `config` do not all have one mechanism. */
function mixed(config: ImageConfig): boolean {
  return new Set(config.compartments.map((c) => c.mechanism)).size > 1;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * The name each compartment of `target` gets in the edited file: the existing compartment
 * sharing most of its libraries (the default one first, so the image keeps its default),
 * else a new `compN` name that the file does not use.
 */
function blockNames(before: ImageConfig, target: ImageConfig): Map<string, string> {
  const overlap = (existing: string, block: string): number =>
    target.libraries.filter(
      (l) =>
        compartmentOf(target, l.name)?.name === block &&
        compartmentOf(before, l.name)?.name === existing,
    ).length;
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const def = before.compartments.find((c) => c.default) ?? before.compartments[0];
  const order = def ? [def, ...before.compartments.filter((c) => c !== def)] : [];
  for (const c of order) {
    let best: { block: string; n: number } | undefined;
    for (const b of target.compartments) {
      if (names.has(b.name)) continue;
      const n = overlap(c.name, b.name);
      if (n > (best?.n ?? 0)) best = { block: b.name, n };
    }
    // The default compartment always survives: it takes a block even without overlap.
    if (!best && c === def) {
      const free = target.compartments.find((b) => !names.has(b.name));
      if (free) best = { block: free.name, n: 0 };
    }
    if (best) {
      names.set(best.block, c.name);
      taken.add(c.name);
    }
  }
  for (const c of before.compartments) taken.add(c.name);
  let next = 1;
  for (const b of target.compartments) {
    if (names.has(b.name)) continue;
    while (taken.has(`comp${next}`)) next++;
    names.set(b.name, `comp${next}`);
    taken.add(`comp${next}`);
  }
  return names;
}

/** Same libraries in the same groups with the same hardening and mechanism, names aside. */
export function samePlacement(a: ImageConfig, b: ImageConfig): boolean {
  const key = (c: ImageConfig): string =>
    JSON.stringify([
      mechanismOf(c),
      [...new Set([...c.libraries.map((l) => l.name)])].sort().map((lib) => [
        lib,
        c.libraries
          .filter((o) => compartmentOf(c, o.name)?.name === compartmentOf(c, lib)?.name)
          .map((o) => o.name)
          .sort(),
        [...hardeningOf(c, lib)].sort(),
      ]),
    ]);
  return key(a) === key(b);
}
