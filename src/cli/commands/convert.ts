import { convertConfig } from '../../core/pipeline/index.ts';
import { flagValue, parseArgs } from '../args.ts';
import { formatDiagnostic } from '../format.ts';
import { exists, type CliCommand } from '../io.ts';

const USAGE = 'usage: flexos convert FILE --to kraft|config\n';

/** `flexos convert FILE --to kraft|config`: prints the image in the other format. */
export const convertCommand: CliCommand = async (args, io) => {
  const { parsed, error } = parseArgs(args, { valued: ['to'], boolean: [] });
  const file = parsed.positional[0];
  const to = flagValue(parsed, 'to');
  if (error || file === undefined || (to !== 'kraft' && to !== 'config')) {
    io.err(error ? `flexos convert: ${error}\n${USAGE}` : USAGE);
    return 2;
  }
  if (!(await exists(io, file))) {
    io.err(`flexos convert: ${file} does not exist\n`);
    return 2;
  }
  const text = await io.readFile(file);
  const converted = convertConfig(text, file, to);
  const loaded = {
    ws: { files: { [file]: text }, settings: { panel: 'graph' } },
    dir: '',
    paths: new Map(),
  };
  for (const d of converted.diagnostics) io.err(`${formatDiagnostic(loaded, d)}\n`);
  if (converted.status !== 'ok') {
    io.err('flexos convert: fix the errors above first\n');
    return 1;
  }
  io.out(converted.text);
  return 0;
};
