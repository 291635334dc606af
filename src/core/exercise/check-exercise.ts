import { createDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { nearestNames } from '../names/index.ts';
import type { Exercise } from './exercise.ts';
import type { ParsedExercise } from './parse-exercise.ts';
import { decodeSolution } from './solution.ts';

/** What of the workspace the exercise is checked against. */
export interface ExerciseContext {
  /** Every path of the workspace. */
  paths: readonly string[];
  /** The image's libraries. */
  libraries: readonly string[];
}

/**
 * `exercise.yaml` against its workspace: libraries a check names that the image does not have,
 * read-only paths that match no file, a frontier check without `space.yaml`, a solution that
 * cannot be decoded. The file's own problems come from `parseExercise`.
 */
export function checkExerciseAgainst(
  exercise: Exercise,
  spans: ParsedExercise['spans'],
  ws: ExerciseContext,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const check of exercise.checks) {
    if (check.kind === 'apart' || check.kind === 'together') {
      for (const lib of check.libraries) {
        if (ws.libraries.includes(lib)) continue;
        const near = nearestNames(lib, ws.libraries);
        const hint = near[0] !== undefined ? ` Did you mean '${near[0]}'?` : '';
        const message = `The image has no library '${lib}'.${hint}`;
        out.push(createDiagnostic('exercise/unknown-library', 'warning', message, check.span));
      }
    }
    if (check.kind === 'frontier' && !ws.paths.includes('space.yaml')) {
      const message = 'A frontier check needs a space.yaml (and a workload.yaml for estimates).';
      out.push(createDiagnostic('exercise/needs-space', 'error', message, check.span));
    }
  }
  exercise.readOnly.forEach((path, i) => {
    const span = spans.readOnly[i];
    if (!span || ws.paths.some((p) => coversPath(path, p))) return;
    const message = `No file of the workspace is ${path.endsWith('/') ? 'under' : 'at'} '${path}'.`;
    out.push(createDiagnostic('exercise/unknown-file', 'warning', message, span));
  });
  if (exercise.solution !== undefined && spans.solution && !decodeSolution(exercise.solution)) {
    const message = 'The solution cannot be decoded; it was probably cut or edited by hand.';
    out.push(createDiagnostic('exercise/bad-solution', 'warning', message, spans.solution));
  }
  return out;
}

/** Whether a `read-only` entry covers `path`: the same path, or a folder (`libs/`) above it. */
export function coversPath(entry: string, path: string): boolean {
  return entry.endsWith('/') ? path.startsWith(entry) : entry === path;
}

/** Whether the student may not edit `path` (`exercise.yaml` itself never). */
export function isReadOnlyPath(exercise: Exercise, path: string): boolean {
  return path === 'exercise.yaml' || exercise.readOnly.some((e) => coversPath(e, path));
}
