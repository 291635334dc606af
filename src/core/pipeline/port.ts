import { hasErrors, minimalEdit, type Diagnostic, type TextEdit } from '../diagnostics.ts';
import {
  ownersFromComponents,
  ownersFromSources,
  port,
  type CParser,
  type FunctionSignature,
  type PortedCall,
} from '../rewrite/index.ts';
import { libraryOfPath, type Workspace } from '../workspace/workspace.ts';
import { checkWorkspace } from './check.ts';

/** Which file "Insert gates" works on. */
export interface PortRequest {
  /** Workspace path of the file (`libs/<lib>/x.c`), or any name for a file from outside. */
  path: string;
  /** Its text; the workspace's file at `path` when absent. */
  text?: string;
  /** The library it belongs to; from `libs/<lib>/` when absent. */
  lib?: string;
  /** Also apply the whitelist and shared-literal fixes of the diagnostics. */
  applyFixes?: boolean;
}

export type PortedFile =
  | { status: 'no-input'; diagnostics: Diagnostic[] }
  | {
      status: 'ok';
      path: string;
      lib: string;
      /** The file with every call into another library wrapped in a gate placeholder. */
      text: string;
      /** One edit of the original text that gives `text` (empty when nothing changed). */
      edits: TextEdit[];
      calls: PortedCall[];
      /** Port diagnostics; proposed whitelists come as fixes of these. */
      diagnostics: Diagnostic[];
      /** Functions whose owning library is known (zero: nothing could be gated). */
      knownFunctions: number;
    };

/**
 * The porting step: inserts gate placeholders at every call from `request.path` into another
 * library of the image. A function's owner comes from the components' `[API]` sections, then
 * from the other libraries' sources in the workspace (which also give signatures).
 */
export function portFile(ws: Workspace, parser: CParser, request: PortRequest): PortedFile {
  const lib = request.lib ?? libraryOfPath(request.path);
  const text = request.text ?? ws.files[request.path];
  const at = { file: request.path, start: 0, end: 0 };
  if (lib === undefined || text === undefined) {
    const message =
      text === undefined
        ? `There is no file ${request.path}`
        : `${request.path} is not under libs/<library>/: say which library it belongs to`;
    return {
      status: 'no-input',
      diagnostics: [{ code: 'port/no-input', severity: 'error', message, span: at }],
    };
  }
  const check = checkWorkspace(ws, { fixes: false });
  const inImage = new Set(check.libraries);
  const owners = new Map<string, string>();
  for (const [fn, owner] of ownersFromComponents(check.components))
    if (inImage.has(owner) && owner !== lib) owners.set(fn, owner);
  const sources = Object.entries(ws.files).flatMap(([path, source]) => {
    const owner = libraryOfPath(path);
    return owner !== undefined && owner !== lib && /\.[ch]$/.test(path)
      ? [{ lib: owner, file: path.slice(path.lastIndexOf('/') + 1), text: source }]
      : [];
  });
  const fromSources = ownersFromSources(parser, sources);
  for (const [fn, owner] of fromSources.owners)
    if (inImage.has(owner) && !owners.has(fn)) owners.set(fn, owner);
  const signatures = new Map<string, FunctionSignature>(fromSources.signatures);
  const result = port(parser, request.path, text, {
    lib,
    owners,
    signatures,
    applyFixes: request.applyFixes ?? false,
  });
  return {
    status: 'ok',
    path: request.path,
    lib,
    text: result.text,
    edits: result.text === text ? [] : [minimalEdit(request.path, text, result.text)],
    calls: result.calls,
    diagnostics: result.diagnostics,
    knownFunctions: owners.size,
  };
}

/** True when porting found errors (the CLI's exit status). */
export function portFailed(ported: PortedFile): boolean {
  return ported.status !== 'ok' || hasErrors(ported.diagnostics);
}
