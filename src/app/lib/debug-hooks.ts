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
    /** Set by the end-to-end harness before any page script runs (tests/e2e/fixtures.ts). */
    __flexosTestHooks?: boolean;
  }
}

/**
 * Installs `window.flexosDebug` only for the test harness or when the URL asks for it with
 * `?debug`, so a normal visit to the production build carries no way to break its worker.
 */
export function installDebugHooks(): void {
  const wanted =
    window.__flexosTestHooks === true || new URLSearchParams(location.search).has('debug');
  if (!wanted) return;
  window.flexosDebug = {
    crashWorker: () => analysis.crashWorker(),
    hangWorker: (ms) => analysis.hangWorker(ms),
    file: (path) => workspace.files[path],
    setFile: (path, text) => workspace.setText(path, text),
    gated: (path) => analysis.shown?.result.gated?.files.find((f) => f.path === path)?.text,
  };
}
