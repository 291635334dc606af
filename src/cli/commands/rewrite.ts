import { parseImageConfig, type ImageConfig } from '../../core/config/index.ts';
import { hasErrors, type Diagnostic } from '../../core/diagnostics.ts';
import { isSharingMode, type SharingMode } from '../../core/model.ts';
import { instantiate } from '../../core/rewrite/index.ts';
import { gateSources, type GatedSources } from '../../core/workspace/gated-sources.ts';
import { flagValue, parseArgs } from '../args.ts';
import { formatDiagnostic, formatDiagnosticAt, joinPath as join } from '../format.ts';
import { loadWorkspace } from '../load-workspace.ts';
import type { CliIo, Command } from '../io.ts';
import { createNodeCParser } from '../node-parser.ts';

const USAGE = `usage: flexos rewrite --config CFG --lib L [--sharing heap|dss|shared-stack] FILE
       flexos rewrite DIR [--sharing heap|dss|shared-stack] --out OUT
`;

/**
 * `flexos rewrite`: instantiates placeholders for the mechanism of a config.yaml/kraft.yaml.
 * With FILE, prints the file; with DIR, writes every library's sources under OUT/libs, the
 * linker fragments under OUT/linker, and OUT/gates.json and OUT/artefacts.json.
 */
export const rewriteCommand: Command = async (args, io) => {
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
    return rewriteFile(io, configPath, lib, target, sharing);
  }
  const out = flagValue(parsed, 'out');
  if (out === undefined || parsed.flags.has('lib')) {
    io.err(USAGE);
    return 2;
  }
  return rewriteDir(io, target, out, sharing);
};

async function rewriteFile(
  io: CliIo,
  configPath: string,
  lib: string,
  file: string,
  sharing: SharingMode | undefined,
): Promise<number> {
  const config = await readConfigFile(io, configPath);
  if (!config) return 1;
  if (!(await io.exists(file))) {
    io.err(`flexos rewrite: cannot read ${file}\n`);
    return 2;
  }
  const text = await io.readFile(file);
  const parser = await createNodeCParser();
  const result = instantiate(parser, file, text, { lib, config, ...(sharing ? { sharing } : {}) });
  io.out(result.text);
  printDiagnostics(io, { [file]: text }, result.diagnostics);
  return hasErrors(result.diagnostics) ? 1 : 0;
}

async function rewriteDir(
  io: CliIo,
  dir: string,
  out: string,
  sharing: SharingMode | undefined,
): Promise<number> {
  const configName = (await io.exists(join(dir, 'config.yaml'))) ? 'config.yaml' : 'kraft.yaml';
  const config = await readConfigFile(io, join(dir, configName));
  if (!config) return 1;
  const ws = await loadWorkspace(io, dir);
  const parser = await createNodeCParser();
  let gated: GatedSources;
  try {
    gated = gateSources(ws, config, parser, sharing ?? config.sharing);
  } finally {
    parser.delete();
  }
  const { artefacts, diagnostics } = gated;
  for (const f of gated.files) {
    await io.mkdirp(join(out, `libs/${f.lib}`));
    await io.writeFile(join(out, f.path), f.text);
  }
  if (artefacts.linkerFragments.length > 0) await io.mkdirp(join(out, 'linker'));
  for (const f of artefacts.linkerFragments)
    await io.writeFile(join(out, `linker/${f.file}`), f.text);
  const table = {
    image: artefacts.image,
    mechanism: artefacts.mechanism,
    sharing: artefacts.sharing,
    gates: artefacts.gates,
  };
  await io.writeFile(join(out, 'gates.json'), `${JSON.stringify(table, null, 2)}\n`);
  await io.writeFile(join(out, 'artefacts.json'), `${JSON.stringify(artefacts, null, 2)}\n`);
  for (const d of diagnostics) io.err(`${formatDiagnostic(ws, dir, d)}\n`);
  const real = artefacts.gates.filter((g) => g.kind === 'real').reduce((n, g) => n + g.sites, 0);
  const all = artefacts.gates.reduce((n, g) => n + g.sites, 0);
  io.err(
    `${gated.files.length} files, ${all} gate sites (${real} crossing a boundary) -> ${out}\n`,
  );
  return hasErrors(diagnostics) ? 1 : 0;
}

/** Reads and checks a config.yaml or kraft.yaml; prints its diagnostics; `undefined` on errors. */
export async function readConfigFile(io: CliIo, path: string): Promise<ImageConfig | undefined> {
  if (!(await io.exists(path))) {
    io.err(`flexos: cannot read ${path}\n`);
    return undefined;
  }
  const text = await io.readFile(path);
  const { config, diagnostics } = parseImageConfig(text, path);
  printDiagnostics(io, { [path]: text }, diagnostics);
  return config && !hasErrors(diagnostics) ? config : undefined;
}

/** `path:line:col: severity code: message` on stderr, for each diagnostic. */
export function printDiagnostics(
  io: CliIo,
  texts: Record<string, string>,
  diagnostics: readonly Diagnostic[],
): void {
  for (const d of diagnostics)
    io.err(`${formatDiagnosticAt(d.span.file, texts[d.span.file] ?? '', d)}\n`);
}
