import type { ImageConfig } from './image-config.ts';
import { mechanismOf } from './image-config.ts';
import { KRAFT_BACKEND_KCONFIG, KRAFT_SHARING_KCONFIG } from './kraft-kconfig.ts';
import { toKraftDriver } from '../names/index.ts';
import { KRAFT_SPECIFICATION } from './parse-kraft.ts';
import { yamlFlowList, yamlScalar } from '../yaml/index.ts';

/** Libraries whose sources live in the Unikraft tree; kraft needs `is_core: true` for them. */
const CORE_LIBRARIES = new Set([
  'vfscore',
  'devfs',
  'ramfs',
  '9pfs',
  'syscall_shim',
  'nolibc',
  'fdt',
  'isrlib',
  'flexos',
]);

/** True for a library of the Unikraft tree itself (`uksched`, `posix-user`, `vfscore`, ...). */
export function isCoreLibrary(name: string): boolean {
  return name.startsWith('uk') || name.startsWith('posix-') || CORE_LIBRARIES.has(name);
}

/**
 * Writes an image as a FlexOS `kraft.yaml` (specification '0.6') for the real toolchain:
 * driver names (`intel-pku`, `vmept`, ...), the backend and sharing mode as Kconfig options,
 * every library with its compartment. Hardening and aliases, which kraft has no key for, are
 * written as `hardening:` and `aliases:` so the playground reads them back.
 */
export function printKraftYaml(config: ImageConfig): string {
  const mechanism = mechanismOf(config);
  const kconfig = ['CONFIG_LIBFLEXOS=y', `${KRAFT_BACKEND_KCONFIG[mechanism]}=y`];
  if (config.sharing !== 'heap') kconfig.push(`${KRAFT_SHARING_KCONFIG[config.sharing]}=y`);
  const target = mechanism === 'cheri' ? ['arm64', 'morello'] : ['x86_64', 'kvm'];
  const lines = [
    `specification: '${KRAFT_SPECIFICATION}'`,
    `name: ${yamlScalar(config.name)}`,
    'unikraft:',
    '  version: staging',
    '  kconfig:',
    ...kconfig.map((k) => `    - ${k}`),
    'targets:',
    `  - architecture: ${target[0]}`,
    `    platform: ${target[1]}`,
  ];
  lines.push(config.compartments.length > 0 ? 'compartments:' : 'compartments: []');
  for (const c of config.compartments) {
    lines.push(
      `  - name: ${yamlScalar(c.name)}`,
      '    mechanism:',
      `      driver: ${toKraftDriver(c.mechanism)}`,
    );
    lines.push(`      noisolstack: ${config.sharing === 'shared-stack'}`);
    if (c.default) lines.push('    default: true');
    if (c.hardening.length > 0) lines.push(`    hardening: ${yamlFlowList(c.hardening)}`);
  }
  lines.push(config.libraries.length > 0 ? 'libraries:' : 'libraries: {}');
  for (const l of config.libraries) {
    lines.push(`  ${yamlScalar(l.name)}:`);
    lines.push(isCoreLibrary(l.name) ? '    is_core: true' : '    version: staging');
    lines.push(`    compartment: ${yamlScalar(l.compartment)}`);
    if (l.hardening.length > 0) lines.push(`    hardening: ${yamlFlowList(l.hardening)}`);
  }
  const aliases = Object.entries(config.aliases);
  if (aliases.length > 0)
    lines.push('aliases:', ...aliases.map(([k, v]) => `  ${yamlScalar(k)}: ${yamlScalar(v)}`));
  lines.push('volumes: {}', 'networks: {}');
  return `${lines.join('\n')}\n`;
}
