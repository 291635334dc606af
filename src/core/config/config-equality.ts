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

/** True when two configs describe the same image (spans ignored, order kept). */
export function sameImageConfig(a: ImageConfig, b: ImageConfig): boolean {
  return JSON.stringify(stripSpans(a)) === JSON.stringify(stripSpans(b));
}
