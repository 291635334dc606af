import { BACKENDS, getBackend } from '../backends/index.ts';
import { MECHANISMS, type Mechanism } from '../model.ts';

/**
 * Other spellings of mechanisms, from each backend's `aliases`. The FlexOS toolchain names its
 * drivers `intel-pku` and `vmept`; every file accepts those next to the canonical names so a
 * `kraft.yaml` mechanism can be pasted as is.
 */
export const MECHANISM_ALIASES: Readonly<Record<string, Mechanism>> = Object.fromEntries(
  BACKENDS.flatMap((b) => b.aliases.map((alias) => [alias, b.mechanism])),
);

/**
 * The canonical mechanism a name or alias stands for (`intel-pku` → `intel-mpk`, `vmept` →
 * `vm-ept`), or `undefined` if it is none. Case-sensitive, like the toolchain.
 */
export function resolveMechanism(name: string): Mechanism | undefined {
  return BACKENDS.find((b) => b.mechanism === name || b.aliases.includes(name))?.mechanism;
}

/** The FlexOS driver name of a mechanism, as written in `kraft.yaml`. */
export function toKraftDriver(mechanism: Mechanism): string {
  return getBackend(mechanism).kraftDriver;
}

/** Every accepted spelling: canonical names first, then aliases (for "did you mean"). */
export function mechanismSpellings(): string[] {
  return [...MECHANISMS, ...Object.keys(MECHANISM_ALIASES)];
}

/** A mechanism as a file format writes it: canonical in `config.yaml`, the driver in `kraft.yaml`. */
export function spellMechanism(
  mechanism: Mechanism,
  format: 'config' | 'kraft' = 'config',
): string {
  return format === 'kraft' ? toKraftDriver(mechanism) : mechanism;
}
