import { hasErrors } from '../../core/diagnostics.ts';
import { isSharingMode, type SharingMode } from '../../core/model.ts';
import { buildWorkspace, rewriteFile } from '../../core/pipeline/index.ts';
import { flagValue, parseArgs } from '../args.ts';
import { formatDiagnostic } from '../format.ts';
import { isDirectory, exists, type CliIo, type CliCommand } from '../io.ts';
import { addFile, loadAroundConfig, loadWorkspace } from '../load-workspace.ts';
import { createNodeCParser } from '../node-parser.ts';

const USAGE = `usage: flexos rewrite --config CFG --lib L [--sharing heap|dss|shared-stack] FILE
       flexos rewrite DIR [--sharing heap|dss|shared-stack] --out OUT
`;

/**
 * `flexos rewrite`: instantiates placeholders for the mechanism of a config.yaml/kraft.yaml.
 * With FILE, prints the file; with DIR, writes the build (`buildWorkspace`) under OUT:
 * kraft.yaml, the instantiated `libs/`, and `build/` (linker fragments, gates.json,
 * artefacts.json).
 */
export const rewriteCommand: CliCommand = async (args, io) => {
  const { parsed, error } = parseArgs(args, {
    valued: ['config', 'lib', 'sharing', 'out'],
    boolean: [],
  });
  const sharingFlag = flagValue(parsed, 'sharing');
  const [target, ...extra] = parsed.positional;
  if (
    error ||
    target === undefined ||
    extra.length > 0 ||
    (sharingFlag !== undefined && !isSharingMode(sharingFlag))
  ) {
    io.err(error ? `flexos rewrite: ${error}\n${USAGE}` : USAGE);
    return 2;
  }
  const sharing = sharingFlag as SharingMode | undefined;
  const configPath = flagValue(parsed, 'config');
  if (configPath !== undefined) {
    const lib = flagValue(parsed, 'lib');
    if (lib === undefined || parsed.flags.has('out')) {
      io.err(USAGE);
      return 2;
    }
    return rewriteOne(io, configPath, lib, target, sharing);
  }
  const out = flagValue(parsed, 'out');
  if (out === undefined || parsed.flags.has('lib')) {
    io.err(USAGE);
    return 2;
  }
  return rewriteDir(io, target, out, sharing);
};

async function rewriteOne(
  io: CliIo,
  configPath: string,
  lib: string,
  file: string,
  sharing: SharingMode | undefined,
): Promise<number> {
  for (const path of [configPath, file]) {
    if (!(await exists(io, path))) {
      io.err(`flexos rewrite: cannot read ${path}\n`);
      return 2;
    }
  }
  const loaded = await loadAroundConfig(io, configPath);
  const as = `libs/${lib}/${file.slice(file.lastIndexOf('/') + 1)}`;
  await addFile(io, loaded, file, as);
  const parser = await createNodeCParser();
  try {
    const r = rewriteFile(loaded.ws, parser, { path: as, lib, ...(sharing ? { sharing } : {}) });
    if (r.status === 'ok') io.out(r.text);
    for (const d of r.diagnostics) io.err(`${formatDiagnostic(loaded, d)}\n`);
    return r.status !== 'ok' || hasErrors(r.diagnostics) ? 1 : 0;
  } finally {
    parser.delete();
  }
}

async function rewriteDir(
  io: CliIo,
  dir: string,
  out: string,
  sharing: SharingMode | undefined,
): Promise<number> {
  if (!(await isDirectory(io, dir))) {
    io.err(`flexos rewrite: ${dir} is not a directory\n`);
    return 2;
  }
  if (out === '' || (await io.isWithin(out, dir)) || (await io.isWithin(dir, out))) {
    io.err(
      `flexos rewrite: --out must be a directory apart from ${dir}, not inside it or around it\n`,
    );
    return 2;
  }
  const loaded = await loadWorkspace(io, dir);
  const parser = await createNodeCParser();
  let build;
  try {
    build = buildWorkspace(loaded.ws, parser, sharing ? { sharing } : {});
  } finally {
    parser.delete();
  }
  if (build.status !== 'no-config') await io.writeTree(out, build.files);
  for (const d of build.diagnostics) io.err(`${formatDiagnostic(loaded, d)}\n`);
  if (build.status === 'no-config') return 1;
  const gates = build.artefacts?.gates ?? [];
  const real = gates.filter((g) => g.kind === 'real').reduce((n, g) => n + g.sites, 0);
  const all = gates.reduce((n, g) => n + g.sites, 0);
  io.err(
    `${build.sources.length} files, ${all} gate sites (${real} crossing a boundary) -> ${out}\n`,
  );
  return build.status === 'ok' ? 0 : 1;
}
