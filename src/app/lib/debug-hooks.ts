import { analysis } from '../state/analysis.svelte.ts';
import { editorBridge, type ShownMarker } from '../state/editor-bridge.svelte.ts';
import { explore } from '../state/explore.svelte.ts';
import { workspace } from '../state/workspace.svelte.ts';
import { testHooksWanted } from './test-settings.ts';

/**
 * Hooks for end-to-end tests and for checking the page by hand from the console: break the
 * analysis or explore worker the way a real fault would, and watch the page recover. The
 * breaking itself lives in the workers' test-only entries (workers/*-debug.worker.ts), which
 * the page starts only when these hooks are installed.
 */
export interface FlexosDebug {
  crashWorker(): void;
  hangWorker(ms: number): void;
  crashExploreWorker(): void;
  hangExploreWorker(ms: number): void;
  /** The text of a workspace file as the store holds it. */
  file(path: string): string | undefined;
  /** The instantiated text of a C file in the shown analysis. */
  gated(path: string): string | undefined;
  /** Replaces a file's text as a paste would, without typing it key by key. */
  setFile(path: string, text: string): void;
  /** The editor's markers on a file, of every owner (analysis, Insert gates, the last run). */
  markers(path: string): ShownMarker[];
}

declare global {
  interface Window {
    flexosDebug?: FlexosDebug;
  }
}

/**
 * Installs `window.flexosDebug` only for the test harness or when the URL asks for it with
 * `?debug`, so a normal visit to the production build carries no way to break its worker.
 */
export function installDebugHooks(): void {
  if (!testHooksWanted()) return;
  window.flexosDebug = {
    crashWorker: () => void analysis.testHooks()?.crash(),
    hangWorker: (ms) => void analysis.testHooks()?.hang(ms),
    crashExploreWorker: () => void explore.testHooks()?.crash(),
    hangExploreWorker: (ms) => void explore.testHooks()?.hang(ms),
    file: (path) => workspace.files[path],
    setFile: (path, text) => workspace.setText(path, text),
    markers: (path) => editorBridge.markers(path),
    gated: (path) => analysis.shown?.result.gated?.files.find((f) => f.path === path)?.text,
  };
}
