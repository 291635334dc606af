import { analysis } from '../state/analysis.svelte.ts';
import { workspace } from '../state/workspace.svelte.ts';

/**
 * Hooks for end-to-end tests and for checking the page by hand from the console: break the
 * analysis worker the way a real fault would, and watch the page recover.
 */
export interface FlexosDebug {
  crashWorker(): void;
  hangWorker(ms: number): void;
  /** The text of a workspace file as the store holds it. */
  file(path: string): string | undefined;
  /** The instantiated text of a C file in the shown analysis. */
  gated(path: string): string | undefined;
  /** Replaces a file's text as a paste would, without typing it key by key. */
  setFile(path: string, text: string): void;
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
    file: (path) => workspace.files[path],
    setFile: (path, text) => workspace.setText(path, text),
    gated: (path) => analysis.shown?.result.gated?.files.find((f) => f.path === path)?.text,
  };
}
