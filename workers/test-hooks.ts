/**
 * Ways to break a worker the way real faults would, for the end-to-end harness and `?debug`
 * only. The production entries (`analysis.worker.ts`, `explore.worker.ts`) never include
 * these; the `*-debug.worker.ts` entries add them, and the page starts those only when test
 * hooks are wanted (src/app/lib/test-settings.ts).
 */
export function createTestHooks(name: string) {
  return {
    /** Throws outside any request, as a bug in a dependency would. */
    crash(): void {
      setTimeout(() => {
        throw new Error(`${name} worker crashed on purpose`);
      });
    },
    /** Blocks the worker for `ms`, as a runaway computation would. */
    hang(ms: number): void {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        /* busy */
      }
    },
  };
}

export type TestHooks = ReturnType<typeof createTestHooks>;
