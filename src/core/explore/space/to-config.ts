import type { ImageConfig } from '../../config/image-config.ts';
import { printConfigYaml } from '../../config/print-config.ts';
import { componentBlocks, hardeningByComponent, type Configuration, type Space } from './space.ts';

/**
 * The image a configuration stands for: compartments `comp1..compN` in the order of the id
 * (the one holding the alphabetically first library is `comp1`, the default), the space's
 * mechanism on each, every library listed with its own hardening.
 */
export function toImageConfig(space: Space, cfg: Configuration): ImageConfig {
  const blockOf = componentBlocks(space, cfg);
  const hardening = hardeningByComponent(space, cfg.hardening);
  const count = Math.max(0, ...blockOf) + 1;
  return {
    name: space.name,
    sharing: space.sharing,
    compartments: Array.from({ length: count }, (_, b) => ({
      name: `comp${b + 1}`,
      mechanism: space.mechanism,
      default: b === 0,
      hardening: [],
    })),
    libraries: space.components.map((name, c) => ({
      name,
      compartment: `comp${(blockOf[c] as number) + 1}`,
      hardening: hardening[c] ?? [],
    })),
    aliases: {},
  };
}

/** The `config.yaml` text of a configuration. */
export function toConfigYaml(space: Space, cfg: Configuration): string {
  return printConfigYaml(toImageConfig(space, cfg));
}
