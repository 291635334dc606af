import { MECHANISMS, isMechanism, type Mechanism } from '../model.ts';

/**
 * Other spellings of mechanisms. The FlexOS toolchain names its drivers `intel-pku` and
 * `vmept`; `config.yaml` accepts those next to the canonical names so a `kraft.yaml`
 * mechanism can be pasted as is.
 */
export const MECHANISM_ALIASES: Readonly<Record<string, Mechanism>> = {
  'intel-pku': 'intel-mpk',
  vmept: 'vm-ept',
};

/** The driver names `kraft.yaml` uses for each mechanism. */
const KRAFT_DRIVERS: Readonly<Record<Mechanism, string>> = {
  fcalls: 'fcalls',
  'intel-mpk': 'intel-pku',
  'vm-ept': 'vmept',
  cheri: 'cheri',
};

/** The canonical mechanism a name or alias stands for, or `undefined` if it is none. */
export function resolveMechanism(name: string): Mechanism | undefined {
  if (isMechanism(name)) return name;
  return Object.hasOwn(MECHANISM_ALIASES, name) ? MECHANISM_ALIASES[name] : undefined;
}

/** The FlexOS driver name of a mechanism, as written in `kraft.yaml`. */
export function toKraftDriver(mechanism: Mechanism): string {
  return KRAFT_DRIVERS[mechanism];
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
