import { analysis } from '../state/analysis.svelte.ts';

/**
 * Hooks for end-to-end tests and for checking the page by hand from the console: break the
 * analysis worker the way a real fault would, and watch the page recover.
 */
export interface FlexosDebug {
  crashWorker(): void;
  hangWorker(ms: number): void;
}

declare global {
  interface Window {
    flexosDebug?: FlexosDebug;
  }
}

export function installDebugHooks(): void {
  window.flexosDebug = {
    crashWorker: () => analysis.crashWorker(),
    hangWorker: (ms) => analysis.hangWorker(ms),
  };
}
