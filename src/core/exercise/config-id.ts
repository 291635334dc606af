import { compartmentOf, hardeningOf, type ImageConfig } from '../config/image-config.ts';
import { formatParsedId, type IdItem } from '../explore/space/ids.ts';

/**
 * The configuration id (docs/formats.md, "Configuration ids") of an image, over the
 * libraries `components` names: the same id the explorer gives the same placement and hardening.
 */
export function configIdOf(config: ImageConfig, components: readonly string[]): string {
  const blocks = new Map<string, IdItem[]>();
  for (const name of components) {
    const comp = compartmentOf(config, name)?.name ?? '';
    const list = blocks.get(comp) ?? [];
    list.push({ name, hardening: hardeningOf(config, name) });
    blocks.set(comp, list);
  }
  return formatParsedId([...blocks.values()]);
}
