import type { Diagnostic } from '../diagnostics.ts';
import type { SharingMode } from '../model.ts';
import { instantiate, type CParser, type GateSite } from '../rewrite/index.ts';
import { libraryOfPath, type Workspace } from '../workspace/workspace.ts';
import { checkWorkspace } from './check.ts';

/** One source to instantiate under the workspace's image. */
export interface RewriteRequest {
  path: string;
  /** Its text; the workspace's file at `path` when absent. */
  text?: string;
  /** Its library; from `libs/<lib>/` when absent. */
  lib?: string;
  sharing?: SharingMode;
}

export type RewrittenFile =
  | { status: 'no-input'; diagnostics: Diagnostic[] }
  | { status: 'ok'; text: string; gates: GateSite[]; diagnostics: Diagnostic[] };

/**
 * One file's placeholders instantiated for the image's mechanism and sharing mode (the gated C
 * view of one file, `flexos rewrite FILE`). The image's own problems are not repeated here:
 * only the config's errors, which make instantiation impossible, come back.
 */
export function rewriteFile(
  ws: Workspace,
  parser: CParser,
  request: RewriteRequest,
): RewrittenFile {
  const text = request.text ?? ws.files[request.path];
  const lib = request.lib ?? libraryOfPath(request.path);
  const checked = checkWorkspace(ws, { fixes: false });
  const configErrors = checked.diagnostics.filter(
    (d) => d.severity === 'error' && d.span.file === checked.configFile,
  );
  if (text === undefined || lib === undefined || !checked.config || configErrors.length > 0) {
    const message =
      text === undefined
        ? `There is no file ${request.path}`
        : lib === undefined
          ? `${request.path} is not under libs/<library>/: say which library it belongs to`
          : `The image's ${checked.configFile ?? 'config.yaml'} has errors`;
    const at = { file: request.path, start: 0, end: 0 };
    const own = { code: 'rewrite/no-input', severity: 'error' as const, message, span: at };
    return { status: 'no-input', diagnostics: [...configErrors, own] };
  }
  const r = instantiate(parser, request.path, text, {
    lib,
    config: checked.config,
    ...(request.sharing ? { sharing: request.sharing } : {}),
  });
  return { status: 'ok', text: r.text, gates: r.gates, diagnostics: r.diagnostics };
}
