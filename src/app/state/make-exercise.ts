import {
  deriveGoalChecks,
  encodeSolution,
  EXERCISE_FILE,
  exerciseKey,
  labelOf,
  printExercise,
  type DraftCheck,
  type ExerciseDraft,
} from '../../core/pipeline/index.ts';
import { analysis } from './analysis.svelte.ts';
import { saver } from './autosave.svelte.ts';
import { examples } from './examples.svelte.ts';
import { progress } from './lesson-progress.svelte.ts';
import { runs } from './run.svelte.ts';
import { workspace } from './workspace.svelte.ts';

/** A check the teacher may keep or drop, with its words. */
export interface GoalChoice {
  check: DraftCheck;
  label: string;
  /** Kept unless unticked. */
  keep: boolean;
}

/**
 * The goal "as it is now": the checks derived from the current image (the solver's conflicts
 * kept apart, the compartment count, the mechanism), plus, when the last run finished on these
 * files, how it ended. Fails with a sentence when there is no usable image.
 */
export async function proposeGoal(): Promise<GoalChoice[] | string> {
  const config = analysis.shown?.result.config;
  if (!config) return 'The image cannot be read: fix config.yaml before making an exercise.';
  const solution = await analysis.solve(workspace.snapshot());
  const conflicts = solution.status === 'ok' ? solution.conflicts : [];
  const choices = deriveGoalChecks(config, conflicts).map((check) => ({
    check,
    label: labelOf({ ...check, span: { file: '', start: 0, end: 0 } }),
    keep: true,
  }));
  const job = runs.job;
  if (job?.result && ['ok', 'fault'].includes(job.result.status)) {
    const check: DraftCheck = {
      kind: 'run',
      status: job.result.status as 'ok' | 'fault',
      args: [...job.asked.args],
    };
    choices.push({
      check,
      label: labelOf({ ...check, span: { file: '', start: 0, end: 0 } }),
      keep: false,
    });
  }
  return choices;
}

/** The example whose files the playground most likely started from (same paths, most same texts). */
export function guessExample(): string | undefined {
  const paths = workspace.paths.filter((p) => p !== EXERCISE_FILE);
  let best: { slug: string; score: number } | undefined;
  for (const ex of examples.list) {
    if (EXERCISE_FILE in ex.workspace.files) continue;
    const theirs = Object.keys(ex.workspace.files);
    const shared = paths.filter((p) => theirs.includes(p)).length;
    const same = paths.filter((p) => ex.workspace.files[p] === workspace.files[p]).length;
    const score = shared * 2 + same - Math.abs(theirs.length - paths.length);
    if (same > 0 && (!best || score > best.score)) best = { slug: ex.slug, score };
  }
  return best?.slug;
}

export interface MakeRequest {
  draft: Omit<ExerciseDraft, 'solution'>;
  /** `current`: the files as they are; else the slug of the example whose files start it. */
  start: 'current' | { example: string };
  /** Attach the current files (those that differ from the start) as the solution. */
  attachSolution: boolean;
}

/**
 * Writes `exercise.yaml` and puts the playground in its starting state, in the same saved
 * playground (no second entry), in the teacher's view.
 */
export function makeExercise(req: MakeRequest): void {
  const now = workspace.snapshot();
  const current = Object.fromEntries(
    Object.entries(now.files).filter(([p]) => p !== EXERCISE_FILE),
  );
  const startFiles =
    req.start === 'current'
      ? current
      : {
          ...(examples.list.find((e) => e.slug === (req.start as { example: string }).example)
            ?.workspace.files ?? current),
        };
  const changed = Object.fromEntries(
    Object.entries(current).filter(([p, t]) => startFiles[p] !== t),
  );
  const draft: ExerciseDraft = { ...req.draft };
  if (req.attachSolution && Object.keys(changed).length > 0)
    draft.solution = encodeSolution(changed);
  const files = { ...startFiles, [EXERCISE_FILE]: printExercise(draft) };
  workspace.load(
    { files, settings: { ...now.settings, panel: 'lesson', openFile: EXERCISE_FILE } },
    draft.title,
    workspace.id,
  );
  progress.value = {
    key: exerciseKey(files),
    role: 'teacher',
    hints: 0,
    ticks: {},
    start: { ...files },
  };
  void saver.saveNow();
}
