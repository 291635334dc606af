import { sortHardening } from '../model.ts';
import type { ImageChange } from './config-change.ts';
import {
  compartmentOf,
  mechanismOf,
  type ImageConfig,
  type LibraryConfig,
} from './image-config.ts';

/**
 * Applies a change to a copy of `config`:
 * - `move` places the library in the compartment (adding an entry when it had none);
 * - `new-compartment` first appends the compartment with the image's mechanism (when it does
 *   not exist yet), then moves the library there;
 * - `harden` adds per-library hardening (adding an entry in its current compartment when it
 *   had none); hardening it already has changes nothing.
 * - `remove-compartment` removes a compartment's declaration, unless it is the default one or
 *   a library is placed there.
 * - `set-mechanism` sets the mechanism of every compartment; `set-hardening` and
 *   `set-compartment-hardening` set a library's own or a compartment's hardening exactly.
 * A move that leaves the library's previous compartment empty removes that compartment
 * (unless it is the default one), since every declared compartment must be used.
 */
export function applyConfigChange(config: ImageConfig, change: ImageChange): ImageConfig {
  const next: ImageConfig = {
    ...config,
    compartments: config.compartments.map((c) => ({ ...c, hardening: [...c.hardening] })),
    libraries: config.libraries.map((l) => ({ ...l, hardening: [...l.hardening] })),
    aliases: { ...config.aliases },
  };
  if (change.kind === 'remove-compartment') {
    const name = change.compartment;
    const removable =
      name !== defaultName(config) && !config.libraries.some((l) => l.compartment === name);
    if (removable) next.compartments = next.compartments.filter((c) => c.name !== name);
    return next;
  }
  if (change.kind === 'set-mechanism') {
    for (const c of next.compartments) c.mechanism = change.mechanism;
    return next;
  }
  if (change.kind === 'set-compartment-hardening') {
    const comp = next.compartments.find((c) => c.name === change.compartment);
    if (comp) comp.hardening = sortHardening(change.hardening);
    return next;
  }
  const entry = next.libraries.find((l) => l.name === change.lib);
  if (change.kind === 'set-hardening') {
    const hardening = sortHardening(change.hardening);
    if (entry) entry.hardening = hardening;
    else if (hardening.length > 0)
      next.libraries.push({
        name: change.lib,
        compartment: currentCompartment(config, change.lib),
        hardening,
      });
    return next;
  }
  if (change.kind === 'harden') {
    if (entry) entry.hardening = sortHardening([...entry.hardening, change.hardening]);
    else
      next.libraries.push({
        name: change.lib,
        compartment: currentCompartment(config, change.lib),
        hardening: [change.hardening],
      });
    return next;
  }
  if (
    change.kind === 'new-compartment' &&
    !next.compartments.some((c) => c.name === change.compartment)
  ) {
    next.compartments.push({
      name: change.compartment,
      mechanism: mechanismOf(config),
      default: false,
      hardening: [],
    });
  }
  const previous = entry?.compartment;
  if (entry) entry.compartment = change.compartment;
  else next.libraries.push({ name: change.lib, compartment: change.compartment, hardening: [] });
  if (previous !== undefined && emptied(config, next, previous)) {
    next.compartments = next.compartments.filter((c) => c.name !== previous);
  }
  return next;
}

/** The default compartment's name, else the first compartment's (where unlisted libraries go). */
function defaultName(config: ImageConfig): string | undefined {
  return (config.compartments.find((c) => c.default) ?? config.compartments[0])?.name;
}

/** The compartment a library is in now: its entry's, else the default (or first) one. */
export function currentCompartment(config: ImageConfig, lib: string): string {
  return compartmentOf(config, lib)?.name ?? config.compartments[0]?.name ?? '';
}

/** True when `name` held libraries before and none after, and is not the default compartment. */
export function emptied(before: ImageConfig, after: ImageConfig, name: string): boolean {
  const holds = (libs: LibraryConfig[]): boolean => libs.some((l) => l.compartment === name);
  const comp = after.compartments.find((c) => c.name === name);
  const isDefault =
    comp?.default === true ||
    (!after.compartments.some((c) => c.default) && after.compartments[0]?.name === name);
  return comp !== undefined && !isDefault && holds(before.libraries) && !holds(after.libraries);
}
