import { hasErrors } from '../../core/diagnostics.ts';
import { checkWorkspace } from '../../core/pipeline/index.ts';
import { parseArgs } from '../args.ts';
import { countSummary, diagnosticToJson, formatDiagnostic } from '../format.ts';
import type { Command } from '../io.ts';
import { loadWorkspace } from '../load-workspace.ts';

const USAGE = 'usage: flexos check DIR [--json]\n';

/** `flexos check DIR`: every diagnostic of a workspace; exit 1 if any is an error. */
export const checkCommand: Command = async (args, io) => {
  const { parsed, error } = parseArgs(args, { valued: [], boolean: ['json'] });
  const dir = parsed.positional[0];
  if (error || dir === undefined || parsed.positional.length > 1) {
    io.err(error ? `flexos check: ${error}\n${USAGE}` : USAGE);
    return 2;
  }
  if (!(await io.isDirectory(dir))) {
    io.err(`flexos check: ${dir} is not a directory\n`);
    return 2;
  }
  const loaded = await loadWorkspace(io, dir);
  const { diagnostics } = checkWorkspace(loaded.ws);
  if (parsed.flags.has('json')) {
    const json = { diagnostics: diagnostics.map((d) => diagnosticToJson(loaded, d)) };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    for (const d of diagnostics) io.out(`${formatDiagnostic(loaded, d)}\n`);
    io.err(`${countSummary(diagnostics)}\n`);
  }
  return hasErrors(diagnostics) ? 1 : 0;
};
