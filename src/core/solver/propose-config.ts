import {
  createConfigLookup,
  mechanismOf,
  type ImageConfig,
  type LibraryConfig,
} from '../config/image-config.ts';
import type { ComponentSpec } from '../metadata/component-spec.ts';

/**
 * An image with compartments `comp1..compN` (N = the colours used, at least 1) of `base`'s
 * mechanism, `comp1` the default: each component goes to `comp<colour+1>`, libraries of `base`
 * without a colour go to `comp1`. Each library keeps its effective hardening from `base` as
 * per-library hardening, since `base`'s compartments and their hardening are not kept.
 */
export function proposeConfig(
  base: ImageConfig,
  components: readonly ComponentSpec[],
  assignment: Readonly<Record<string, number>>,
): ImageConfig {
  const names = [
    ...new Set([...components.map((c) => c.name), ...base.libraries.map((l) => l.name)]),
  ];
  const colourOf = (lib: string): number => assignment[lib] ?? 0;
  // A loop, not `Math.max(...)`: 200,000 arguments overflow the call stack.
  let count = 1;
  for (const lib of names) count = Math.max(count, colourOf(lib) + 1);
  const { hardeningOf } = createConfigLookup(base);
  const mechanism = mechanismOf(base);
  const compartments = Array.from({ length: count }, (_, i) => ({
    name: `comp${i + 1}`,
    mechanism,
    default: i === 0,
    hardening: [],
  }));
  const libraries: LibraryConfig[] = names.map((lib) => ({
    name: lib,
    compartment: `comp${colourOf(lib) + 1}`,
    hardening: hardeningOf(lib),
  }));
  return {
    name: base.name,
    sharing: base.sharing,
    compartments,
    libraries,
    aliases: { ...base.aliases },
  };
}
