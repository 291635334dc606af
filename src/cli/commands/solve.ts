import { solveWorkspace, type WorkspaceSolution } from '../../core/pipeline/index.ts';
import { parseArgs } from '../args.ts';
import { formatDiagnostic } from '../format.ts';
import { isDirectory, type CliIo, type CliCommand } from '../io.ts';
import { loadWorkspace } from '../load-workspace.ts';

const USAGE = 'usage: flexos solve DIR [--json]\n';

/**
 * `flexos solve DIR`: the conflict graph of the image's components under the config's
 * hardening, the minimum number of compartments and the config file achieving it.
 */
export const solveCommand: CliCommand = async (args, io) => {
  const { parsed, error } = parseArgs(args, { valued: [], boolean: ['json'] });
  const dir = parsed.positional[0];
  if (error || dir === undefined || parsed.positional.length > 1) {
    io.err(error ? `flexos solve: ${error}\n${USAGE}` : USAGE);
    return 2;
  }
  if (!(await isDirectory(io, dir))) {
    io.err(`flexos solve: ${dir} is not a directory\n`);
    return 2;
  }
  const loaded = await loadWorkspace(io, dir);
  const solution = solveWorkspace(loaded.ws);
  if (solution.status === 'no-config') {
    for (const d of solution.diagnostics) io.err(`${formatDiagnostic(loaded, d)}\n`);
    io.err('flexos solve: no usable config.yaml or kraft.yaml\n');
    return 1;
  }
  const remaining = solution.remaining.map((d) => ({ code: d.code, message: d.message }));
  if (parsed.flags.has('json')) {
    const out = {
      conflicts: solution.conflicts,
      minCompartments: solution.minCompartments,
      exact: solution.exact,
      assignment: solution.assignment,
      configFile: solution.configFile,
      config: solution.text,
      remaining,
    };
    io.out(`${JSON.stringify(out, null, 2)}\n`);
  } else printSolution(io, solution);
  return remaining.length > 0 ? 1 : 0;
};

function printSolution(io: CliIo, s: Extract<WorkspaceSolution, { status: 'ok' }>): void {
  io.out(
    s.conflicts.length === 0
      ? 'No conflicts: every component may share a compartment.\n'
      : 'Conflicts:\n',
  );
  for (const e of s.conflicts) {
    io.out(`  ${e.a} <-> ${e.b}\n`);
    for (const r of e.reasons) io.out(`    - ${r}\n`);
  }
  const bound = s.exact ? '' : ' (an upper bound: the search budget ran out)';
  io.out(`\nMinimum compartments: ${s.minCompartments}${bound}\n`);
  for (const [lib, n] of Object.entries(s.assignment)) io.out(`  ${lib}: comp${n + 1}\n`);
  const unchanged = s.edits.length === 0 ? ' (unchanged: already a minimal placement)' : '';
  io.out(`\n${s.configFile}${unchanged}:\n${s.text}`);
  if (s.remaining.length > 0) {
    if (s.mechanism === 'fcalls' && s.conflicts.length > 0)
      io.out('\nUnder fcalls compartments separate nothing: choose intel-mpk, vm-ept or cheri.\n');
    io.out('\nNo placement removes these; the proposed config still has errors:\n');
    for (const r of s.remaining) io.out(`  ${r.code}: ${r.message}\n`);
  }
}
