import { createConfigLookup, printKraftYaml } from '../config/index.ts';
import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import type { Hardening, SharingMode } from '../model.ts';
import type { BuildArtefacts, CParser } from '../rewrite/index.ts';
import { gateSources, type GatedFile } from '../workspace/gated-sources.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { checkWorkspace } from './check.ts';

/** What a build consists of: the exact input of the real toolchain and of the runner. */
export interface WorkspaceBuild {
  /** `ok`: nothing is an error; `errors`: diagnostics hold errors; `no-config`: no image. */
  status: 'ok' | 'errors' | 'no-config';
  /**
   * The build tree: `kraft.yaml` (written from the config), `config.yaml` (when the workspace
   * has one), `libs/<lib>/*` instantiated, `build/<lib>.ld` linker fragments,
   * `build/gates.json` (the gate table) and `build/artefacts.json` (layout, sections, heaps).
   * Empty when there is no usable config; present with errors so they can be inspected, but
   * a shell hands on (downloads, compiles) only a build whose status is `ok`.
   */
  files: Record<string, string>;
  /** Every source after instantiation, with its gate sites. */
  sources: GatedFile[];
  artefacts: BuildArtefacts | null;
  /**
   * Each compiled library's hardening (its compartment's and its own, sorted): what the
   * runner compiles it with.
   */
  hardening: Record<string, Hardening[]>;
  /** Problems of the workspace and of each instantiation, sorted as `checkWorkspace` sorts. */
  diagnostics: Diagnostic[];
}

export interface BuildOptions {
  /** Sharing mode to build with; the image's when absent. */
  sharing?: SharingMode;
}

/**
 * Builds the image: checks the workspace, instantiates every C file of `libs/` for the
 * image's mechanism and sharing mode, and lays out linker fragments and the gate table.
 */
export function buildWorkspace(
  ws: Workspace,
  parser: CParser,
  options: BuildOptions = {},
): WorkspaceBuild {
  const checked = checkWorkspace(ws, { fixes: false });
  const { config } = checked;
  if (!config)
    return {
      status: 'no-config',
      files: {},
      sources: [],
      artefacts: null,
      hardening: {},
      diagnostics: checked.diagnostics,
    };
  const gated = gateSources(ws, config, parser, options.sharing ?? config.sharing);
  const diagnostics = [...checked.diagnostics, ...gated.diagnostics];
  const { artefacts } = gated;
  // A kraft.yaml workspace hands on its own file, which keeps what the playground does not model.
  const kraft = checked.configFile === 'kraft.yaml' ? ws.files['kraft.yaml'] : undefined;
  const files: Record<string, string> = { 'kraft.yaml': kraft ?? printKraftYaml(config) };
  if (ws.files['config.yaml'] !== undefined) files['config.yaml'] = ws.files['config.yaml'];
  for (const f of gated.files) files[f.path] = f.text;
  for (const l of artefacts.linkerFragments) files[`build/${l.file}`] = l.text;
  const table = {
    image: artefacts.image,
    mechanism: artefacts.mechanism,
    sharing: artefacts.sharing,
    gates: artefacts.gates,
  };
  files['build/gates.json'] = `${JSON.stringify(table, null, 2)}\n`;
  files['build/artefacts.json'] = `${JSON.stringify(artefacts, null, 2)}\n`;
  const lookup = createConfigLookup(config);
  const hardening: Record<string, Hardening[]> = {};
  for (const lib of new Set(gated.files.map((f) => f.lib))) {
    const list = lookup.hardeningOf(lib).sort();
    if (list.length > 0) hardening[lib] = list;
  }
  return {
    status: hasErrors(diagnostics) ? 'errors' : 'ok',
    files,
    sources: gated.files,
    artefacts,
    hardening,
    diagnostics,
  };
}
