import type { Span } from '../diagnostics.ts';
import type { Mechanism } from '../model.ts';

/**
 * An exercise: a workspace with `exercise.yaml` (docs/formats.md, "exercise.yaml"). The file
 * travels with the workspace, so a shared link or a `.zip` of an exercise carries it whole.
 */
export interface Exercise {
  /** The playground's title while the exercise is open. */
  title: string;
  /** Markdown shown beside the editor. */
  instructions: string;
  /** Paths the student may not edit; a path ending with `/` covers a folder. */
  readOnly: string[];
  /** Revealed one at a time, in this order. */
  hints: string[];
  checks: ExerciseCheck[];
  /**
   * The teacher's solution, encoded (`encodeSolution`) so that it is not read at a glance in
   * the student's file tree; not a secret: anyone with the workspace can decode it.
   */
  solution?: string;
}

/** How a count of compartments is compared. */
export type CountOp = 'at-most' | 'exactly' | 'at-least';

/** The run statuses a check may ask for (the runner's job statuses). */
export const RUN_STATUSES = [
  'ok',
  'fault',
  'runtime-error',
  'timeout',
  'config-error',
  'compile-error',
  'killed',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** What every check has: where it is written, and an optional label for the checklist. */
interface CheckBase {
  /** The checklist's text; a generated one when absent. */
  title?: string;
  span: Span;
}

/** One check of `checks:`, discriminated on `kind`. */
export type ExerciseCheck = CheckBase &
  (
    | { kind: 'no-errors' }
    | { kind: 'apart'; libraries: string[] }
    | { kind: 'together'; libraries: string[] }
    | { kind: 'compartments'; op: CountOp; count: number }
    | { kind: 'mechanism'; mechanism: Mechanism }
    | { kind: 'frontier'; budget: string; order: 'flexos' | 'product' }
    | { kind: 'run'; status?: RunStatus; prints?: string; args: string[] }
  );

export type CheckKind = ExerciseCheck['kind'];

/** A check without its place in a file: what the teacher's view writes, what a parser reads. */
export type DraftCheck = ExerciseCheck extends infer C
  ? C extends ExerciseCheck
    ? Omit<C, 'span'>
    : never
  : never;

/** The keys of a check item, one per kind. */
export const CHECK_KINDS: readonly CheckKind[] = [
  'no-errors',
  'apart',
  'together',
  'compartments',
  'mechanism',
  'frontier',
  'run',
];

/** Where a check stands: `pending` until what it needs exists (a run, a valid config). */
export type CheckStatus = 'pass' | 'fail' | 'pending';

/** One line of the checklist. */
export interface CheckResult {
  /** Index of the check in `checks:`. */
  index: number;
  kind: CheckKind;
  /** The check's title, or what it asks in words. */
  label: string;
  status: CheckStatus;
  /** Why it fails or waits, in words; absent when it passes. */
  detail?: string;
}

/** What a run of the program showed, for `run` checks (from the runner's job result). */
export interface RunFacts {
  status: string;
  /** Everything the program printed, stdout and stderr together. */
  output: string;
  /** The program's arguments. */
  args: string[];
  /** False when the files changed since the run: its result no longer counts. */
  current: boolean;
}

/**
 * Every code `exercise.yaml` can get: the YAML layer's and the exercise's own rules, and the
 * cross-checks against the workspace (`checkExerciseAgainst`).
 */
export const EXERCISE_CODES = [
  'exercise/yaml-syntax',
  'exercise/not-a-map',
  'exercise/unknown-key',
  'exercise/missing-key',
  'exercise/wrong-type',
  'exercise/too-deep',
  'exercise/too-many-problems',
  'exercise/unknown-check',
  'exercise/one-check-per-item',
  'exercise/bad-value',
  'exercise/unknown-library',
  'exercise/unknown-file',
  'exercise/needs-space',
  'exercise/bad-solution',
] as const;
