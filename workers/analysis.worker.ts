/**
 * The analysis worker: a thin comlink wrapper around `analyzeWorkspace`. Requests carry the
 * revision they were made for and the answer echoes it, so the page can drop stale answers.
 */
import { expose } from 'comlink';
import { analyzeWorkspace, type AnalysisResult } from '../src/core/workspace/analyze-workspace.ts';
import type { Workspace } from '../src/core/workspace/workspace.ts';
import { planLibraryMove, type LibraryMove } from '../src/core/workspace/move-library.ts';

export interface AnalysisAnswer {
  revision: number;
  result: AnalysisResult;
  /** Time spent in the worker, in milliseconds. */
  ms: number;
}

const api = {
  analyze(revision: number, ws: Workspace): AnalysisAnswer {
    const started = performance.now();
    const result = analyzeWorkspace(ws, () => performance.now());
    return { revision, result, ms: performance.now() - started };
  },
  /** Edits of the config file that move `lib` (to a new compartment when `target` is null). */
  planMove(text: string, file: string, lib: string, target: string | null): LibraryMove | null {
    return planLibraryMove(text, file, lib, target);
  },
  /** Test hook: throws outside any request, as a bug in a dependency would. */
  crash(): void {
    setTimeout(() => {
      throw new Error('analysis worker crashed on purpose');
    });
  },
  /** Test hook: blocks the worker for `ms`, as a runaway computation would. */
  hang(ms: number): void {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      /* busy */
    }
  },
};

export type AnalysisApi = typeof api;

expose(api);
