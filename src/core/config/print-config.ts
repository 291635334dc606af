import type { ImageConfig } from './image-config.ts';
import { yamlFlowList, yamlScalar } from '../yaml/index.ts';

/**
 * Writes an image as `config.yaml`, in the nested form of docs/formats.md: one item per compartment with its
 * canonical mechanism name, the short `- lib: comp` form for libraries without their own
 * hardening. `parseConfigYaml(printConfigYaml(c)).config` equals `c` (spans aside).
 */
export function printConfigYaml(config: ImageConfig): string {
  const lines = [`name: ${yamlScalar(config.name)}`, `sharing: ${config.sharing}`];
  lines.push(config.compartments.length > 0 ? 'compartments:' : 'compartments: []');
  for (const c of config.compartments) {
    lines.push(`  - ${yamlScalar(c.name)}:`, `      mechanism: ${c.mechanism}`);
    if (c.default) lines.push('      default: true');
    if (c.hardening.length > 0) lines.push(`      hardening: ${yamlFlowList(c.hardening)}`);
  }
  lines.push(config.libraries.length > 0 ? 'libraries:' : 'libraries: []');
  for (const l of config.libraries) {
    const comp = yamlScalar(l.compartment);
    const value =
      l.hardening.length > 0
        ? `{ compartment: ${comp}, hardening: ${yamlFlowList(l.hardening)} }`
        : comp;
    lines.push(`  - ${yamlScalar(l.name)}: ${value}`);
  }
  const aliases = Object.entries(config.aliases);
  if (aliases.length > 0)
    lines.push('aliases:', ...aliases.map(([k, v]) => `  ${yamlScalar(k)}: ${yamlScalar(v)}`));
  return `${lines.join('\n')}\n`;
}
