import type { ImageConfig } from './image-config.ts';

/** A copy of `config` without source spans, for comparing configs read from different texts. */
export function stripSpans(config: ImageConfig): ImageConfig {
  return {
    name: config.name,
    sharing: config.sharing,
    compartments: config.compartments.map((c) => ({
      name: c.name,
      mechanism: c.mechanism,
      default: c.default,
      hardening: [...c.hardening],
    })),
    libraries: config.libraries.map((l) => ({
      name: l.name,
      compartment: l.compartment,
      hardening: [...l.hardening],
    })),
    aliases: { ...config.aliases },
  };
}

/**
 * True when two configs describe the same image (spans ignored, order kept). Compared field by
 * field: it runs once or twice per quick fix, on every fix of a check.
 */
export function sameImageConfig(a: ImageConfig, b: ImageConfig): boolean {
  return (
    a.name === b.name &&
    a.sharing === b.sharing &&
    sameList(
      a.compartments,
      b.compartments,
      (x, y) =>
        x.name === y.name &&
        x.mechanism === y.mechanism &&
        x.default === y.default &&
        sameList(x.hardening, y.hardening, (h, k) => h === k),
    ) &&
    sameList(
      a.libraries,
      b.libraries,
      (x, y) =>
        x.name === y.name &&
        x.compartment === y.compartment &&
        sameList(x.hardening, y.hardening, (h, k) => h === k),
    ) &&
    sameList(
      Object.entries(a.aliases),
      Object.entries(b.aliases),
      (x, y) => x[0] === y[0] && x[1] === y[1],
    )
  );
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i] as T));
}
