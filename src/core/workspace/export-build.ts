import { printKraftYaml } from '../config/index.ts';
import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import type { CParser } from '../rewrite/syntax.ts';
import { checkWorkspace } from './check-workspace.ts';
import { gateSources } from './gated-sources.ts';
import type { Workspace } from './workspace.ts';

/** What the real FlexOS toolchain needs from a playground: its config and gated sources. */
export interface BuildExport {
  /** Paths of the export: `kraft.yaml`, `config.yaml`, `libs/...` gated, `build/...`. */
  files: Record<string, string>;
  /** Problems found on the way; the export is only made when none is an error. */
  diagnostics: Diagnostic[];
}

/**
 * The image as the toolchain takes it: `kraft.yaml` written from the config, every C file of
 * `libs/` instantiated for its mechanism and sharing mode, the linker fragments and the gate
 * table. Returns no files when the workspace has errors, so a broken build is never handed on.
 */
export function exportBuild(ws: Workspace, parser: CParser): BuildExport {
  const checked = checkWorkspace(ws);
  const { config } = checked;
  if (!config || hasErrors(checked.diagnostics))
    return { files: {}, diagnostics: checked.diagnostics };
  const gated = gateSources(ws, config, parser, ws.settings.sharing ?? config.sharing);
  const diagnostics = [...checked.diagnostics, ...gated.diagnostics];
  if (hasErrors(diagnostics)) return { files: {}, diagnostics };
  const files: Record<string, string> = { 'kraft.yaml': printKraftYaml(config) };
  if (ws.files['config.yaml'] !== undefined) files['config.yaml'] = ws.files['config.yaml'];
  for (const f of gated.files) files[f.path] = f.text;
  for (const l of gated.artefacts.linkerFragments) files[`build/${l.file}`] = l.text;
  files['build/gates.json'] = `${JSON.stringify(gated.artefacts.gates, null, 2)}\n`;
  files['build/layout.json'] = `${JSON.stringify(
    {
      compartments: gated.artefacts.compartments,
      shared: gated.artefacts.shared,
      sharing: gated.artefacts.sharing,
    },
    null,
    2,
  )}\n`;
  return { files, diagnostics };
}
