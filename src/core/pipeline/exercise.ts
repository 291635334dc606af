import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import type { ImageConfig } from '../config/index.ts';
import {
  checkExerciseAgainst,
  configIdOf,
  evaluateChecks,
  parseExercise,
  type CheckResult,
  type Exercise,
  type ExerciseFacts,
  type FrontierFact,
  type RunFacts,
} from '../exercise/index.ts';
import { normalizeId, parseSpace } from '../explore/index.ts';
import type { Workspace } from '../workspace/workspace.ts';
import {
  exploreWorkspace,
  type ExploreHost,
  type ExploreRequest,
  type WorkspaceExploration,
} from './explore.ts';

/** Where an exercise lives in its workspace. */
export const EXERCISE_FILE = 'exercise.yaml';

/** The checklist of an exercise, and the facts it was decided from. */
export interface ExerciseEvaluation {
  /** Null when `exercise.yaml` cannot be read (its problems are in the analysis). */
  exercise: Exercise | null;
  results: CheckResult[];
  /** Without the run, which the page adds with `applyRunFacts` when a run ends. */
  facts: ExerciseFacts;
}

/** What the live analysis already knows, so the exercise does not check the workspace twice. */
export interface ExerciseInputs {
  diagnostics: readonly Diagnostic[];
  config: ImageConfig | null;
}

export interface ExerciseHost extends ExploreHost {
  /** The exploration to use, e.g. a memoised one; `exploreWorkspace` by default. */
  explore?: (ws: Workspace, req: ExploreRequest) => Promise<WorkspaceExploration>;
  /** The last run, for `run` checks. */
  run?: RunFacts | null;
}

/**
 * The `exercise.yaml` diagnostics `checkWorkspace` adds: the file's own and its cross-checks
 * against the workspace (libraries, paths, `space.yaml`).
 */
export function checkExerciseFile(ws: Workspace, libraries: readonly string[]): Diagnostic[] {
  const text = ws.files[EXERCISE_FILE];
  if (text === undefined) return [];
  const parsed = parseExercise(text, EXERCISE_FILE);
  if (!parsed.exercise) return parsed.diagnostics;
  const context = { paths: Object.keys(ws.files), libraries };
  return [...parsed.diagnostics, ...checkExerciseAgainst(parsed.exercise, parsed.spans, context)];
}

/**
 * Decides every check of the workspace's exercise; null when it has none. Frontier checks
 * explore `space.yaml` (with `workload.yaml` estimates when present) under the check's budget
 * and order, and look for the image's configuration id among the frontier's.
 */
export async function evaluateExercise(
  ws: Workspace,
  inputs: ExerciseInputs,
  host: ExerciseHost = {},
): Promise<ExerciseEvaluation | null> {
  const text = ws.files[EXERCISE_FILE];
  if (text === undefined) return null;
  const { exercise } = parseExercise(text, EXERCISE_FILE);
  const facts: ExerciseFacts = {
    errors: inputs.diagnostics.filter((d) => d.severity === 'error').length,
    config: inputs.config,
    frontier: {},
    run: null,
  };
  if (!exercise) return { exercise: null, results: [], facts };
  for (const [index, check] of exercise.checks.entries()) {
    if (check.kind !== 'frontier') continue;
    facts.frontier[index] = await frontierFact(ws, inputs.config, check, host);
  }
  const results = evaluateChecks(exercise, { ...facts, run: host.run ?? null });
  return { exercise, results, facts };
}

/** The checklist again with a run's facts (cheap: nothing is analysed or explored). */
export function applyRunFacts(evaluation: ExerciseEvaluation, run: RunFacts | null): CheckResult[] {
  if (!evaluation.exercise) return [];
  return evaluateChecks(evaluation.exercise, { ...evaluation.facts, run });
}

async function frontierFact(
  ws: Workspace,
  config: ImageConfig | null,
  check: { budget: string; order: 'flexos' | 'product' },
  host: ExerciseHost,
): Promise<FrontierFact> {
  if (!config)
    return {
      status: 'unavailable',
      reason: 'The image cannot be read: fix its config file first.',
    };
  const { space } = parseSpace(ws.files['space.yaml'] ?? '', 'space.yaml');
  if (!space) return { status: 'unavailable', reason: 'space.yaml is missing or has errors.' };
  const labels = ws.files['workload.yaml'] !== undefined ? 'estimate' : 'none';
  const request: ExploreRequest = { order: check.order, budget: check.budget, labels };
  const explored = host.explore
    ? await host.explore(ws, request)
    : await exploreWorkspace(ws, request, host);
  if (explored.status !== 'ok' || hasErrors(explored.diagnostics))
    return {
      status: 'unavailable',
      reason: 'The design space cannot be explored: see Problems and the Explore panel.',
    };
  const ids = new Set(
    explored.result.frontier.map((m) => {
      const n = normalizeId(m.id);
      return typeof n === 'string' ? n : m.id;
    }),
  );
  const id = configIdOf(config, space.components);
  return { status: 'ok', id, onFrontier: ids.has(id), frontierSize: ids.size };
}
