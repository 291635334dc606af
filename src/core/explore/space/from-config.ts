import {
  compartmentOf,
  hardeningOf,
  mechanismOf,
  type ImageConfig,
} from '../../config/image-config.ts';
import type { Hardening } from '../../model.ts';
import { yamlFlowList, yamlScalar } from '../../yaml/index.ts';
import { formatParsedId } from './ids.ts';
import { compareNames } from './space.ts';

/** The configuration id of an image (docs/formats.md, "Configuration ids"). */
export function idOfImage(config: ImageConfig): string {
  const blocks = new Map<string, { name: string; hardening: string[] }[]>();
  for (const l of config.libraries) {
    const comp = compartmentOf(config, l.name)?.name ?? '';
    const list = blocks.get(comp) ?? [];
    list.push({ name: l.name, hardening: hardeningOf(config, l.name) });
    blocks.set(comp, list);
  }
  return formatParsedId([...blocks.values()]);
}

/**
 * A `space.yaml` around an image, for a workspace that has none: its libraries, at most one
 * compartment more than it uses now (at most one per library), the image's mechanism and
 * sharing mode, and as hardening options what each library has now, or `asan` where it has
 * none and its metadata allows it (`allowed(lib)`: what `[Hardening]` lists, `null` when the
 * component has no such section or no metadata). The image itself is a configuration of it.
 */
export function spaceYamlFromImage(
  config: ImageConfig,
  allowed: (lib: string) => readonly Hardening[] | null,
): string {
  const libs = [...new Set(config.libraries.map((l) => l.name))].sort(compareNames);
  const used = new Set(libs.map((l) => compartmentOf(config, l)?.name)).size;
  const max = Math.max(1, Math.min(libs.length, used + 1));
  const hardening: [string, Hardening[]][] = [];
  for (const lib of libs) {
    const now = hardeningOf(config, lib);
    const may = allowed(lib);
    const options = now.length > 0 ? now : !may || may.includes('asan') ? ['asan' as const] : [];
    if (options.length > 0) hardening.push([lib, options]);
  }
  const lines = [
    `# The design space around ${config.name}'s config.yaml: every placement of its libraries`,
    `# into at most ${max} compartments, times every subset of the hardening options below.`,
    `name: ${yamlScalar(config.name)}`,
    `components: ${yamlFlowList(libs)}`,
    `max-compartments: ${max}`,
  ];
  if (hardening.length > 0)
    lines.push(
      'hardening:',
      ...hardening.map(([lib, h]) => `  ${yamlScalar(lib)}: ${yamlFlowList(h)}`),
    );
  lines.push(`mechanism: ${mechanismOf(config)}`, `sharing: ${config.sharing}`);
  return `${lines.join('\n')}\n`;
}
