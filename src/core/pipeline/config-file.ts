import { createDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { Workspace } from '../workspace/workspace.ts';

/** The two files an image can be described in, in the order they are preferred. */
export const CONFIG_FILES = ['config.yaml', 'kraft.yaml'] as const;

export type ConfigFileName = (typeof CONFIG_FILES)[number];

export interface ConfigFileChoice {
  /** `config.yaml`, else `kraft.yaml`, else null. */
  file: ConfigFileName | null;
  /** Both present (a warning on kraft.yaml) or neither (an error). */
  diagnostics: Diagnostic[];
}

/**
 * Picks the file that describes the image. The one place that decides it: every action (check,
 * solve, port, build, explore's gate sites) and every shell goes through here, so a workspace
 * holding both files means the same image everywhere.
 */
export function pickConfigFile(ws: Workspace): ConfigFileChoice {
  const hasConfig = ws.files['config.yaml'] !== undefined;
  const hasKraft = ws.files['kraft.yaml'] !== undefined;
  if (hasConfig && hasKraft) {
    const d = createDiagnostic(
      'workspace/two-configs',
      'warning',
      'Both config.yaml and kraft.yaml are present; config.yaml is used and kraft.yaml ignored',
      { file: 'kraft.yaml', start: 0, end: 0 },
    );
    return { file: 'config.yaml', diagnostics: [d] };
  }
  if (hasConfig) return { file: 'config.yaml', diagnostics: [] };
  if (hasKraft) return { file: 'kraft.yaml', diagnostics: [] };
  const d = createDiagnostic(
    'workspace/no-config',
    'error',
    'The workspace has no config.yaml (or kraft.yaml)',
    { file: 'config.yaml', start: 0, end: 0 },
  );
  return { file: null, diagnostics: [d] };
}
