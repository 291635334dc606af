import { applyConfigChange } from '../config/index.ts';
import type { Mechanism, SharingMode } from '../model.ts';
import type { CParser } from '../rewrite/index.ts';
import { gateSources, type GatedFile } from '../workspace/gated-sources.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { checkWorkspace } from './check.ts';

/** The forms of a C file the gated-C panel can put side by side. */
export const GATED_VARIANTS = [
  'source',
  'fcalls',
  'intel-mpk/heap',
  'intel-mpk/dss',
  'intel-mpk/shared-stack',
  'vm-ept',
] as const;
export type GatedVariant = (typeof GATED_VARIANTS)[number];

/** Labels of the variants, for pickers. */
export const GATED_VARIANT_LABELS: Record<GatedVariant, string> = {
  source: 'source (placeholders)',
  fcalls: 'fcalls',
  'intel-mpk/heap': 'MPK, shared heap',
  'intel-mpk/dss': 'MPK, data shadow stacks',
  'intel-mpk/shared-stack': 'MPK, shared stacks',
  'vm-ept': 'VM/EPT',
};

export function isGatedVariant(s: string): s is GatedVariant {
  return (GATED_VARIANTS as readonly string[]).includes(s);
}

/** One file in one variant. */
export type GatedVariantView =
  | { status: 'ok'; variant: GatedVariant; file: GatedFile }
  /** No usable image config, or no such C file under libs/. */
  | { status: 'unavailable'; variant: GatedVariant; reason: string };

/**
 * The C file `path` as the image would instantiate it under another mechanism or sharing mode:
 * the image's placement, with every compartment switched to the variant's mechanism (an image
 * has one). `source` is the file as written, with the notes of the image's own instantiation,
 * so hovering a placeholder says what it becomes.
 */
export function gatedVariant(
  ws: Workspace,
  parser: CParser,
  path: string,
  variant: GatedVariant,
): GatedVariantView {
  const { config } = checkWorkspace(ws, { fixes: false });
  if (!config)
    return { status: 'unavailable', variant, reason: 'the image config has errors or is missing' };
  const [mechanism, sharing] = variant.split('/') as [string, SharingMode | undefined];
  const image =
    variant === 'source'
      ? config
      : applyConfigChange(config, { kind: 'set-mechanism', mechanism: mechanism as Mechanism });
  const one: Workspace = { ...ws, files: { [path]: ws.files[path] ?? '' } };
  const gated = gateSources(one, image, parser, sharing ?? config.sharing);
  const file = gated.files.find((f) => f.path === path);
  if (ws.files[path] === undefined || !file)
    return { status: 'unavailable', variant, reason: `${path} is not a C file under libs/` };
  return {
    status: 'ok',
    variant,
    file: variant === 'source' ? { ...file, text: ws.files[path] ?? '' } : file,
  };
}
