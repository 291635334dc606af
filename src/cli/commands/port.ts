import { hasErrors } from '../../core/diagnostics.ts';
import { portFile } from '../../core/pipeline/index.ts';
import { flagValue, parseArgs } from '../args.ts';
import { formatDiagnostic, joinPath } from '../format.ts';
import { exists, type CliCommand } from '../io.ts';
import { addFile, loadAroundConfig, readComponents } from '../load-workspace.ts';
import { createNodeCParser } from '../node-parser.ts';

const USAGE = 'usage: flexos port --config CFG --lib L [--components DIR] [--fix] FILE\n';

/**
 * `flexos port`: prints FILE (a source of library L) with every call into another library of
 * the image wrapped in a gate placeholder. Which library owns a function comes from the
 * components' `[API]` sections (`--components DIR`, default: `components/` next to CFG) and
 * from the other libraries' sources (`libs/<lib>/*.{c,h}` next to CFG). `--fix` also applies
 * the whitelist and shared-literal fixes.
 */
export const portCommand: CliCommand = async (args, io) => {
  const { parsed, error } = parseArgs(args, {
    valued: ['config', 'lib', 'components'],
    boolean: ['fix'],
  });
  const configPath = flagValue(parsed, 'config');
  const lib = flagValue(parsed, 'lib');
  const [file, ...extra] = parsed.positional;
  if (error || !configPath || !lib || file === undefined || extra.length > 0) {
    io.err(error ? `flexos port: ${error}\n${USAGE}` : USAGE);
    return 2;
  }
  for (const path of [configPath, file]) {
    if (!(await exists(io, path))) {
      io.err(`flexos port: cannot read ${path}\n`);
      return 2;
    }
  }
  const loaded = await loadAroundConfig(io, configPath);
  const components = flagValue(parsed, 'components');
  if (components !== undefined) {
    for (const path of Object.keys(loaded.ws.files))
      if (path.startsWith('components/')) delete loaded.ws.files[path];
    await readComponents(io, components, loaded.ws.files, loaded.paths);
  }
  // The file is ported as a source of L; a copy of it already in the workspace is replaced.
  const as = `libs/${lib}/${file.slice(file.lastIndexOf('/') + 1)}`;
  await addFile(io, loaded, file, as);
  const parser = await createNodeCParser();
  try {
    const ported = portFile(loaded.ws, parser, {
      path: as,
      lib,
      applyFixes: parsed.flags.has('fix'),
    });
    if (ported.status !== 'ok') {
      for (const d of ported.diagnostics) io.err(`${formatDiagnostic(loaded, d)}\n`);
      return 1;
    }
    if (ported.knownFunctions === 0) {
      io.err(
        `flexos port: no other library's API is known: give --components DIR or put the sources under ${joinPath(loaded.dir, 'libs')}\n`,
      );
      return 2;
    }
    io.out(ported.text);
    for (const d of ported.diagnostics) io.err(`${formatDiagnostic(loaded, d)}\n`);
    io.err(`${ported.calls.length} calls gated\n`);
    return hasErrors(ported.diagnostics) ? 1 : 0;
  } finally {
    parser.delete();
  }
};
