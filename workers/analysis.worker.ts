/**
 * The analysis worker: a thin comlink wrapper around core. Requests carry the revision they
 * were made for and answers echo it, so the page can drop stale ones.
 */
import { expose } from 'comlink';
import { analyzeWorkspace, type AnalysisResult } from '../src/core/workspace/analyze-workspace.ts';
import {
  configYamlFor,
  exploreWorkspace,
  type ExploreRequest,
  type WorkspaceExploration,
} from '../src/core/workspace/explore-workspace.ts';
import { planLibraryMove, type LibraryMove } from '../src/core/workspace/move-library.ts';
import { exportBuild, type BuildExport } from '../src/core/workspace/export-build.ts';
import type { Workspace } from '../src/core/workspace/workspace.ts';
import { getCParser } from './c-parser.ts';

export interface AnalysisAnswer {
  revision: number;
  result: AnalysisResult;
  /** Why there is no gated C, when the C parser could not be loaded. */
  parserError?: string;
  /** Time spent in the worker, in milliseconds. */
  ms: number;
}

const api = {
  /** Analyses `ws`; the gated C uses the view's sharing mode (`settings.sharing`) if set. */
  async analyze(revision: number, ws: Workspace): Promise<AnalysisAnswer> {
    const started = performance.now();
    let parserError: string | undefined;
    const parser = await getCParser().catch((e: unknown) => {
      parserError = e instanceof Error ? e.message : String(e);
      return null;
    });
    const result = analyzeWorkspace(ws, {
      now: () => performance.now(),
      parser,
      ...(ws.settings.sharing ? { sharing: ws.settings.sharing } : {}),
    });
    const ms = performance.now() - started;
    return { revision, result, ms, ...(parserError ? { parserError } : {}) };
  },
  explore(ws: Workspace, request: ExploreRequest): Promise<WorkspaceExploration> {
    return exploreWorkspace(ws, request);
  },
  configYamlFor(ws: Workspace, id: string): { text: string } | { error: string } {
    return configYamlFor(ws, id);
  },
  /** kraft.yaml, gated sources and build artefacts for the real toolchain. */
  async exportBuild(ws: Workspace): Promise<BuildExport> {
    return exportBuild(ws, await getCParser());
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
