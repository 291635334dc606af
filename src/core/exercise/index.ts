/**
 * Exercises: `exercise.yaml` read with positions, its checks decided from plain facts, the
 * teacher's draft printed back, the solution's encoding. Reached by the shells only through
 * `pipeline/exercise.ts`.
 */
export * from './exercise.ts';
export { parseExercise, EXERCISE_KEYS, type ParsedExercise } from './parse-exercise.ts';
export { checkExerciseAgainst, coversPath, isReadOnlyPath } from './check-exercise.ts';
export {
  evaluateChecks,
  labelOf,
  type ExerciseFacts,
  type FrontierFact,
} from './evaluate-checks.ts';
export { configIdOf } from './config-id.ts';
export { decodeSolution, encodeSolution } from './solution.ts';
export { exerciseKey } from './exercise-key.ts';
export { deriveGoalChecks, printExercise, type ExerciseDraft } from './print-exercise.ts';
