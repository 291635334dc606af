/**
 * Cancelling an exploration in process (the CLI and the runner; the app terminates its worker
 * instead). The explorer's loops call a stopper, which asks `shouldStop()` and throws
 * `ExploreStopped` when it answers true; `exploreSpace` catches that and returns a result with
 * `explore/cancelled`, so the exception never leaves the explorer.
 */
export class ExploreStopped extends Error {
  constructor() {
    super('exploration cancelled');
    this.name = 'ExploreStopped';
  }
}

export interface Stopper {
  /** Asks `shouldStop()` every `TICKS` calls: for tight loops. */
  tick(): void;
  /** Asks at once: between expensive steps (a measurement). */
  check(): void;
}

/** How many `tick()` calls go between two questions to `shouldStop()`. */
const TICKS = 1024;

export function createStopper(shouldStop: (() => boolean) | undefined): Stopper {
  if (!shouldStop) return { tick() {}, check() {} };
  let ticks = 0;
  const check = (): void => {
    if (shouldStop()) throw new ExploreStopped();
  };
  return {
    tick() {
      if (++ticks % TICKS === 0) check();
    },
    check,
  };
}

/** A stopper that never stops, for callers without `shouldStop`. */
export const NEVER_STOP: Stopper = createStopper(undefined);
