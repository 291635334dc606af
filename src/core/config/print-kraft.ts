import type { CompartmentConfig, ImageConfig } from './image-config.ts';
import { mechanismOf } from './image-config.ts';
import { indentLines, type KraftExtras, type KraftKconfig } from './kraft-extras.ts';
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

/** Kconfig options the image model decides: FlexOS itself, its backend and its sharing mode. */
const MODEL_OPTIONS = new Set([
  'CONFIG_LIBFLEXOS',
  ...Object.values(KRAFT_BACKEND_KCONFIG),
  ...Object.values(KRAFT_SHARING_KCONFIG),
]);

/**
 * The compartments in the order the toolchain numbers them: the default one first (number 0),
 * the others in declaration order (1, 2, ...), the numbering of `compartmentNumbers` and of
 * the gates in exported sources.
 */
function inNumberOrder(config: ImageConfig): CompartmentConfig[] {
  const def = config.compartments.find((c) => c.default) ?? config.compartments[0];
  return def ? [def, ...config.compartments.filter((c) => c !== def)] : [];
}

/**
 * Writes an image as a FlexOS `kraft.yaml` (specification '0.6') for the real toolchain:
 * driver names (`intel-pku`, `vmept`, ...), the backend and sharing mode as Kconfig options,
 * the compartments default first (so the toolchain's numbering by position is the gates'),
 * every library with its compartment. Hardening and aliases, which kraft has no key for, are
 * written as `hardening:` and `aliases:` so the playground reads them back.
 *
 * An image read from a `kraft.yaml` carries what that file held besides the image
 * (`config.kraft`): its other Kconfig options, targets, library versions and sources,
 * `noisolstack`, unknown keys, written back as they were; nothing else is added then.
 */
export function printKraftYaml(config: ImageConfig): string {
  const extras = config.kraft;
  const lines = [`specification: '${KRAFT_SPECIFICATION}'`, `name: ${yamlScalar(config.name)}`];
  lines.push(...unikraftLines(config, extras));
  if (extras) {
    for (const t of extras.top) if (!t.after) lines.push(...indentLines(t.text, 0));
  } else {
    const target = mechanismOf(config) === 'cheri' ? ['arm64', 'morello'] : ['x86_64', 'kvm'];
    lines.push('targets:', `  - architecture: ${target[0]}`, `    platform: ${target[1]}`);
  }
  lines.push(config.compartments.length > 0 ? 'compartments:' : 'compartments: []');
  const firstKept = extras ? Object.values(extras.compartments)[0] : undefined;
  for (const c of inNumberOrder(config)) {
    const kept = extras?.compartments[c.name] ?? firstKept;
    lines.push(
      `  - name: ${yamlScalar(c.name)}`,
      '    mechanism:',
      `      driver: ${toKraftDriver(c.mechanism)}`,
    );
    if (kept) for (const t of kept.mechanism) lines.push(...indentLines(t, 6));
    else lines.push(`      noisolstack: ${config.sharing === 'shared-stack'}`);
    if (c.default) lines.push('    default: true');
    if (c.hardening.length > 0) lines.push(`    hardening: ${yamlFlowList(c.hardening)}`);
    for (const t of extras?.compartments[c.name]?.other ?? []) lines.push(...indentLines(t, 4));
  }
  lines.push(config.libraries.length > 0 ? 'libraries:' : 'libraries: {}');
  for (const l of config.libraries) {
    lines.push(`  ${yamlScalar(l.name)}:`);
    const kept = extras?.libraries[l.name];
    if (kept) for (const t of kept) lines.push(...indentLines(t, 4));
    else lines.push(isCoreLibrary(l.name) ? '    is_core: true' : '    version: staging');
    lines.push(`    compartment: ${yamlScalar(l.compartment)}`);
    if (l.hardening.length > 0) lines.push(`    hardening: ${yamlFlowList(l.hardening)}`);
  }
  const aliases = Object.entries(config.aliases);
  if (aliases.length > 0)
    lines.push('aliases:', ...aliases.map(([k, v]) => `  ${yamlScalar(k)}: ${yamlScalar(v)}`));
  if (extras) {
    for (const t of extras.top) if (t.after) lines.push(...indentLines(t.text, 0));
  } else lines.push('volumes: {}', 'networks: {}');
  return `${lines.join('\n')}\n`;
}

/** The FlexOS options of the image, as `NAME=y`. */
function modelOptions(config: ImageConfig): string[] {
  const options = ['CONFIG_LIBFLEXOS=y', `${KRAFT_BACKEND_KCONFIG[mechanismOf(config)]}=y`];
  if (config.sharing !== 'heap') options.push(`${KRAFT_SHARING_KCONFIG[config.sharing]}=y`);
  return options;
}

/**
 * `unikraft:` with its Kconfig options: the file's own, where it had them, with the FlexOS
 * options it had replaced by the image's (at the place of the first one, else at the end).
 */
function unikraftLines(config: ImageConfig, extras: KraftExtras | undefined): string[] {
  const model = modelOptions(config);
  const kept = extras?.unikraft;
  if (!kept)
    return ['unikraft:', '  version: staging', '  kconfig:', ...model.map((k) => `    - ${k}`)];
  const kconfig: KraftKconfig = kept.kconfig ?? { form: 'list', items: [] };
  const write = (option: string): string => {
    const [name, value] = option.split('=') as [string, string];
    return kconfig.form === 'list' ? `    - ${option}` : `    ${name}: ${value}`;
  };
  const out: string[] = [];
  let placed = false;
  for (const item of kconfig.items) {
    const name = item.option.split('=')[0]?.trim() ?? '';
    if (!MODEL_OPTIONS.has(name)) {
      out.push(kconfig.form === 'list' ? `    - ${item.text}` : `    ${item.text}`);
    } else if (!placed) {
      out.push(...model.map(write));
      placed = true;
    }
  }
  if (!placed) out.push(...model.map(write));
  const pairs = kept.pairs.flatMap((t) => indentLines(t, 2));
  return ['unikraft:', ...pairs, '  kconfig:', ...out];
}
