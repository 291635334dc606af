import { mechanismOf, parseImageConfig, placeIntoText } from '../config/index.ts';
import {
  configurationFromId,
  formatId,
  idOfImage,
  parseSpace,
  spaceYamlFromImage,
  toImageConfig,
  type Space,
} from '../explore/index.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { checkWorkspace } from './check.ts';
import { pickConfigFile } from './config-file.ts';

/** A configuration of the space written into the workspace's config file. */
export interface LoadedConfiguration {
  file: string;
  text: string;
  /** The file's comments, order and form were kept (see `placeIntoText`). */
  kept: boolean;
}

/**
 * Writes configuration `id` of `space.yaml` into the image's config file (config.yaml, else
 * kraft.yaml; a new config.yaml when there is neither), keeping its comments, the names of
 * compartments that keep libraries, its name and its aliases. Why not, when it cannot.
 */
export function loadConfiguration(
  ws: Workspace,
  id: string,
): LoadedConfiguration | { error: string } {
  const { space } = parseSpace(ws.files['space.yaml'] ?? '', 'space.yaml', ws.name ?? 'space');
  if (!space) return { error: 'space.yaml has errors' };
  const cfg = configurationFromId(space, id);
  if (!('blocks' in cfg)) return { error: cfg.message };
  const file = pickConfigFile(ws).file ?? 'config.yaml';
  const text = ws.files[file] ?? '';
  const before = parseImageConfig(text, file, ws.name).config;
  const target = toImageConfig(space, cfg);
  if (before) {
    target.name = before.name;
    target.aliases = { ...before.aliases };
    if (before.kraft) target.kraft = before.kraft;
  }
  return { file, ...placeIntoText(text, file, target) };
}

/**
 * The id of the configuration the image config describes now, when it is one of the space
 * (same libraries, groups kept together, hardening among the options, the space's mechanism);
 * otherwise `null`.
 */
export function currentConfigurationId(ws: Workspace, space: Space): string | null {
  const { file } = pickConfigFile(ws);
  if (file === null) return null;
  const { config } = parseImageConfig(ws.files[file] ?? '', file, ws.name);
  // The id leaves the mechanism out: the same placement under another one is another image.
  if (!config || mechanismOf(config) !== space.mechanism) return null;
  const cfg = configurationFromId(space, idOfImage(config));
  return 'blocks' in cfg ? formatId(space, cfg) : null;
}

/**
 * A `space.yaml` for a workspace without one, made from its image config (`spaceYamlFromImage`),
 * with the hardening options the components' metadata allows.
 */
export function spaceYamlFor(ws: Workspace): { text: string } | { error: string } {
  const checked = checkWorkspace(ws, { fixes: false });
  if (!checked.config) return { error: `the image's config has errors or is missing` };
  const specs = new Map(checked.components.map((c) => [c.name, c]));
  return { text: spaceYamlFromImage(checked.config, (lib) => specs.get(lib)?.hardening ?? null) };
}
