import { hasErrors } from '../../core/diagnostics.ts';
import { parseComponent } from '../../core/metadata/index.ts';
import type { ComponentSpec } from '../../core/metadata/component-spec.ts';
import { ownersFromComponents, ownersFromSources, port } from '../../core/rewrite/index.ts';
import type { FunctionSignature } from '../../core/rewrite/index.ts';
import { flagValue, parseArgs } from '../args.ts';
import type { CliIo, Command } from '../io.ts';
import { createNodeCParser } from '../node-parser.ts';
import { joinPath as join } from '../format.ts';
import { printDiagnostics, readConfigFile } from './rewrite.ts';

const USAGE = 'usage: flexos port --config CFG --lib L [--components DIR] [--fix] FILE\n';

/**
 * `flexos port`: prints FILE (a source of library L) with every call into another library of
 * the image wrapped in a gate placeholder. Which library owns a function comes from
 * `--components DIR` (`*.flexos` `[API]` sections, default: `components/` next to CFG) and
 * from the other libraries' sources (`libs/<lib>/*.{c,h}` next to CFG). `--fix` also applies
 * the whitelist and shared-literal fixes.
 */
export const portCommand: Command = async (args, io) => {
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
  const config = await readConfigFile(io, configPath);
  if (!config) return 1;
  if (!(await io.exists(file))) {
    io.err(`flexos port: cannot read ${file}\n`);
    return 2;
  }
  const base = dirOf(configPath);
  const parser = await createNodeCParser();
  const inImage = new Set(config.libraries.map((l) => l.name));
  const owners = new Map<string, string>();
  const signatures = new Map<string, FunctionSignature>();
  const specs = await readComponents(
    io,
    flagValue(parsed, 'components') ?? join(base, 'components'),
  );
  for (const [fn, owner] of ownersFromComponents(specs))
    if (inImage.has(owner)) owners.set(fn, owner);
  const sources = await readOtherSources(io, join(base, 'libs'), lib);
  const fromSources = ownersFromSources(parser, sources);
  for (const [fn, owner] of fromSources.owners)
    if (inImage.has(owner) && !owners.has(fn)) owners.set(fn, owner);
  for (const [fn, sig] of fromSources.signatures) signatures.set(fn, sig);
  if (owners.size === 0) {
    io.err(
      `flexos port: no other library's API is known: give --components DIR or put the sources under ${join(base, 'libs')}\n`,
    );
    return 2;
  }
  const text = await io.readFile(file);
  const result = port(parser, file, text, {
    lib,
    owners,
    signatures,
    applyFixes: parsed.flags.has('fix'),
  });
  io.out(result.text);
  printDiagnostics(io, { [file]: text }, result.diagnostics);
  io.err(`${result.calls.length} calls gated\n`);
  return hasErrors(result.diagnostics) ? 1 : 0;
};

async function readComponents(io: CliIo, dir: string): Promise<ComponentSpec[]> {
  const specs: ComponentSpec[] = [];
  for (const name of await io.readDir(dir)) {
    if (!name.endsWith('.flexos')) continue;
    const { spec } = parseComponent(await io.readFile(join(dir, name)), name);
    if (spec) specs.push(spec);
  }
  return specs;
}

async function readOtherSources(io: CliIo, libsDir: string, self: string) {
  const files: { lib: string; file: string; text: string }[] = [];
  for (const lib of await io.readDir(libsDir)) {
    if (lib === self || !(await io.isDirectory(join(libsDir, lib)))) continue;
    for (const name of await io.readDir(join(libsDir, lib))) {
      if (/\.[ch]$/.test(name))
        files.push({ lib, file: name, text: await io.readFile(join(libsDir, `${lib}/${name}`)) });
    }
  }
  return files;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : path.slice(0, i);
}
