import { hasErrors } from '../../core/diagnostics.ts';
import {
  analyzeWorkspace,
  evaluateExercise,
  fileKind,
  type ExerciseEvaluation,
} from '../../core/pipeline/index.ts';
import { parseArgs } from '../args.ts';
import { countSummary, diagnosticToJson, escapeControls, formatDiagnostic } from '../format.ts';
import { isDirectory, type CliCommand } from '../io.ts';
import { loadWorkspace } from '../load-workspace.ts';
import { createNodeCParser } from '../node-parser.ts';

const USAGE = 'usage: flexos check DIR [--json]\n';

/**
 * `flexos check DIR`: every diagnostic of a workspace, exactly the page's Problems panel (the
 * same analysis, C sources instantiated included); exit 1 if any is an error.
 */
export const checkCommand: CliCommand = async (args, io) => {
  const { parsed, error } = parseArgs(args, { valued: [], boolean: ['json'] });
  const dir = parsed.positional[0];
  if (error || dir === undefined || parsed.positional.length > 1) {
    io.err(error ? `flexos check: ${error}\n${USAGE}` : USAGE);
    return 2;
  }
  if (!(await isDirectory(io, dir))) {
    io.err(`flexos check: ${dir} is not a directory\n`);
    return 2;
  }
  const loaded = await loadWorkspace(io, dir);
  // The C parser (wasm) is loaded only when there is C to parse.
  const hasC = Object.keys(loaded.ws.files).some((p) => fileKind(p) === 'c');
  const parser = hasC ? await createNodeCParser() : null;
  let diagnostics;
  let exercise: ExerciseEvaluation | null;
  try {
    const analysis = analyzeWorkspace(loaded.ws, { parser });
    diagnostics = analysis.diagnostics;
    // A run check stays pending here: `flexos check` does not run the program.
    exercise = await evaluateExercise(loaded.ws, analysis, { parser });
  } finally {
    parser?.delete();
  }
  if (parsed.flags.has('json')) {
    const json = {
      diagnostics: diagnostics.map((d) => diagnosticToJson(loaded, d)),
      ...(exercise?.exercise ? { exercise: exerciseToJson(exercise) } : {}),
    };
    io.out(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    for (const d of diagnostics) io.out(`${formatDiagnostic(loaded, d)}\n`);
    if (exercise?.exercise) io.out(formatChecklist(exercise));
    io.err(`${countSummary(diagnostics)}\n`);
  }
  return hasErrors(diagnostics) ? 1 : 0;
};

function exerciseToJson(e: ExerciseEvaluation) {
  const checks = e.results.map(({ kind, label, status, detail }) => ({
    kind,
    label,
    status,
    ...(detail !== undefined ? { detail } : {}),
  }));
  const passed = checks.filter((c) => c.status === 'pass').length;
  return { title: e.exercise?.title ?? '', passed, total: checks.length, checks };
}

/** The exercise's checklist, one check a line: `pass`, `fail` or `pending`, the check, why. */
function formatChecklist(e: ExerciseEvaluation): string {
  const { title, passed, total, checks } = exerciseToJson(e);
  const lines = [`exercise: ${escapeControls(title)}: ${passed} of ${total} checks pass`];
  for (const c of checks) {
    const why = c.detail !== undefined ? `: ${c.detail}` : '';
    lines.push(`  ${c.status.padEnd(9)}${escapeControls(c.label + why)}`);
  }
  return `${lines.join('\n')}\n`;
}
