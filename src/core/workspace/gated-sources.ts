import type { ImageConfig } from '../config/image-config.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { SharingMode } from '../model.ts';
import {
  buildArtefacts,
  instantiate,
  type BuildArtefacts,
  type GateSite,
} from '../rewrite/index.ts';
import type { CParser } from '../rewrite/parser-types.ts';
import { explainGatedFile, type GatedNote } from './gated-notes.ts';
import { fileKind, libraryOfPath, type Workspace } from './workspace.ts';

/** One C file after instantiation for the image. */
export interface GatedFile {
  path: string;
  lib: string;
  /** The instantiated text (the original is in the workspace). */
  text: string;
  gates: GateSite[];
  /** Why each gate and shared variable looks the way it does (hover explanations). */
  notes: GatedNote[];
}

/** The gated C of a whole image: every C file instantiated, and what the build lays out. */
export interface GatedSources {
  /** The sharing mode asked for (the image's, or the view's override). */
  sharing: SharingMode;
  files: GatedFile[];
  artefacts: BuildArtefacts;
  diagnostics: Diagnostic[];
}

/**
 * Instantiates every C file of `libs/` for `config` with the host's parser. One file's
 * failure to parse is a diagnostic of that file; the others are still instantiated.
 */
export function gateSources(
  ws: Workspace,
  config: ImageConfig,
  parser: CParser,
  sharing: SharingMode = config.sharing,
): GatedSources {
  const files: GatedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of Object.keys(ws.files).sort()) {
    const lib = libraryOfPath(path);
    if (fileKind(path) !== 'c' || lib === undefined) continue;
    const r = instantiate(parser, path, ws.files[path] ?? '', { lib, config, sharing });
    const notes = explainGatedFile({ ...r, text: ws.files[path] ?? '' }, config, lib, sharing);
    files.push({ path, lib, text: r.text, gates: r.gates, notes });
    diagnostics.push(...r.diagnostics);
  }
  const sites = files.flatMap((f) => f.gates);
  return { sharing, files, artefacts: buildArtefacts(config, sites, sharing), diagnostics };
}
