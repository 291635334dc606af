import type { Span } from '../diagnostics.ts';
import type { Hardening, Mechanism, SharingMode } from '../model.ts';
import type { KraftExtras } from './kraft-extras.ts';

/** One compartment of an image. */
export interface CompartmentConfig {
  name: string;
  mechanism: Mechanism;
  /** Libraries not listed go here; the default compartment is number 0. */
  default: boolean;
  /** Applied to every library placed here. */
  hardening: Hardening[];
  /** Where the compartment's name is written, when it came from a file. */
  span?: Span;
}

/** One library and where it goes. */
export interface LibraryConfig {
  name: string;
  /** Name of a compartment of the same image. */
  compartment: string;
  /** Per-library hardening, on top of its compartment's. */
  hardening: Hardening[];
  /** Where the library's name is written, when it came from a file. */
  span?: Span;
}

/**
 * One image: the common model of `config.yaml` and `kraft.yaml`. Compartments keep their
 * declaration order; numbering is `compartmentNumbers()`.
 */
export interface ImageConfig {
  name: string;
  /** How stack data crosses a gate; `heap` when not given. */
  sharing: SharingMode;
  compartments: CompartmentConfig[];
  libraries: LibraryConfig[];
  /** Extra `libX` names for gates: `libc: newlib` routes `libc` gates to `newlib`. */
  aliases: Record<string, string>;
  /** Read from a `kraft.yaml`: what it holds besides the image, written back by `printKraftYaml`. */
  kraft?: KraftExtras;
}

/** Default compartment is 0, the others 1.. in declaration order. */
export function compartmentNumbers(config: ImageConfig): Map<string, number> {
  const numbers = new Map<string, number>();
  const def = config.compartments.find((c) => c.default) ?? config.compartments[0];
  if (def) numbers.set(def.name, 0);
  let next = 1;
  for (const c of config.compartments) if (!numbers.has(c.name)) numbers.set(c.name, next++);
  return numbers;
}

/** The compartment a library is in (its own entry, else the default one). */
export function compartmentOf(config: ImageConfig, lib: string): CompartmentConfig | undefined {
  const entry = config.libraries.find((l) => l.name === lib);
  const name = entry?.compartment;
  return (
    (name !== undefined ? config.compartments.find((c) => c.name === name) : undefined) ??
    config.compartments.find((c) => c.default)
  );
}

/** `map.set(key, value)` unless `key` is there already: the first of a name wins, as `find`. */
function setFirst<V>(map: Map<string, V>, key: string, value: V): void {
  if (!map.has(key)) map.set(key, value);
}

/**
 * Where each library of `config` is and what hardening it gets, as `compartmentOf` and
 * `hardeningOf` decide, but looked up by name: they search the lists, which makes asking for
 * each of 10,000 libraries cost 10⁸ steps.
 */
export function createConfigLookup(config: ImageConfig) {
  const entries = new Map<string, LibraryConfig>();
  for (const l of config.libraries) setFirst(entries, l.name, l);
  const compartments = new Map<string, CompartmentConfig>();
  for (const c of config.compartments) setFirst(compartments, c.name, c);
  const defaultCompartment = config.compartments.find((c) => c.default);
  const compartmentOf = (lib: string): CompartmentConfig | undefined => {
    const entry = entries.get(lib);
    return (
      (entry !== undefined ? compartments.get(entry.compartment) : undefined) ?? defaultCompartment
    );
  };
  const hardeningOf = (lib: string): Hardening[] => [
    ...new Set([...(compartmentOf(lib)?.hardening ?? []), ...(entries.get(lib)?.hardening ?? [])]),
  ];
  return { entries, compartments, defaultCompartment, compartmentOf, hardeningOf };
}

/** Effective hardening of a library: its compartment's plus its own. */
export function hardeningOf(config: ImageConfig, lib: string): Hardening[] {
  const entry = config.libraries.find((l) => l.name === lib);
  const comp = compartmentOf(config, lib);
  return [...new Set([...(comp?.hardening ?? []), ...(entry?.hardening ?? [])])];
}

/** The single mechanism of an image (the default compartment's). */
export function mechanismOf(config: ImageConfig): Mechanism {
  return (
    (config.compartments.find((c) => c.default) ?? config.compartments[0])?.mechanism ?? 'fcalls'
  );
}
