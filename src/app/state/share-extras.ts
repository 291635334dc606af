import type { ShareExtras } from '../../core/pipeline/index.ts';
import { fromExploreExtras, toExploreExtras } from '../lib/explore-extras.ts';
import { explore } from './explore.svelte.ts';

/**
 * What a link carries besides the files (`extras` of the share payload): the Explore panel's
 * budget and order, and the state of an exercise. The exercise feature owns its state: it
 * registers how to save and restore it, and the link carries it through unchanged.
 */
export interface ExerciseShareHandler {
  /** The state to put in a link (any JSON value), or undefined for none. */
  save(): unknown;
  /** Called with the state a link brought. */
  restore(state: unknown): void;
}

let exercise: ExerciseShareHandler | null = null;
/** An exercise state a link brought before any handler was registered, kept for it. */
let pending: { state: unknown } | null = null;

/** Registers the exercise feature's handler; returns how to unregister it. */
export function registerExerciseShare(handler: ExerciseShareHandler): () => void {
  exercise = handler;
  if (pending) {
    const { state } = pending;
    pending = null;
    handler.restore(state);
  }
  return () => {
    if (exercise === handler) exercise = null;
  };
}

/** The extras of a link made now. */
export function collectShareExtras(): ShareExtras {
  const state = exercise?.save();
  return {
    explore: toExploreExtras({ order: explore.order, budget: explore.budget }),
    ...(state !== undefined ? { exercise: state } : {}),
  };
}

/** Puts what a link brought back where it belongs; a link without extras changes nothing. */
export function restoreShareExtras(extras: ShareExtras | undefined): void {
  if (extras?.explore) {
    const s = fromExploreExtras(extras.explore);
    if (s.order !== undefined) explore.order = s.order;
    if (s.budget !== undefined) explore.budget = s.budget;
  }
  if (extras && 'exercise' in extras) {
    if (exercise) exercise.restore(extras.exercise);
    else pending = { state: extras.exercise };
  }
}
