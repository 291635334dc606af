import { hasErrors } from '../../core/diagnostics.ts';
import { parseImageConfig, printConfigYaml, printKraftYaml } from '../../core/config/index.ts';
import { flagValue, parseArgs } from '../args.ts';
import { formatDiagnostic } from '../format.ts';
import type { Command } from '../io.ts';

const USAGE = 'usage: flexos convert FILE --to kraft|config\n';

function dirAndName(path: string): { dir: string; name: string } {
  const slash = path.lastIndexOf('/');
  return slash < 0
    ? { dir: '', name: path }
    : { dir: path.slice(0, slash), name: path.slice(slash + 1) };
}

/** `flexos convert FILE --to kraft|config`: prints the image in the other format. */
export const convertCommand: Command = async (args, io) => {
  const { parsed, error } = parseArgs(args, { valued: ['to'], boolean: [] });
  const file = parsed.positional[0];
  const to = flagValue(parsed, 'to');
  if (error || file === undefined || (to !== 'kraft' && to !== 'config')) {
    io.err(error ? `flexos convert: ${error}\n${USAGE}` : USAGE);
    return 2;
  }
  if (!(await io.exists(file))) {
    io.err(`flexos convert: ${file} does not exist\n`);
    return 2;
  }
  const { dir, name } = dirAndName(file);
  const text = await io.readFile(file);
  const { config, diagnostics } = parseImageConfig(text, name);
  const ws = { files: { [name]: text }, settings: { panel: 'graph' } };
  for (const d of diagnostics) io.err(formatDiagnostic(ws, dir, d) + '\n');
  if (!config || hasErrors(diagnostics)) {
    io.err('flexos convert: fix the errors above first\n');
    return 1;
  }
  io.out(to === 'kraft' ? printKraftYaml(config) : printConfigYaml(config));
  return 0;
};
