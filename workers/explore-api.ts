/**
 * The explore worker's API, apart from `expose` so Node tests call exactly what the page calls.
 * Exploration has a worker of its own: a long one never delays problems, graph or gated C, and
 * cancelling it is terminating that worker.
 */
import {
  exploreWorkspace,
  loadConfiguration,
  type LoadedConfiguration,
  type CParser,
  type ExploreHost,
  type ExploreRequest,
  type Workspace,
  type WorkspaceExploration,
} from '../src/core/pipeline/index.ts';

/** A run that measures one configuration (the page's runner client, behind comlink). */
export type MeasureCall = NonNullable<ExploreHost['measure']>;

/** `onProgress` and `measure` are callbacks the page passes through comlink's `proxy`. */
export function createExploreApi(getParser: () => Promise<CParser>) {
  return {
    /** Explores the design space; estimates count the sources' gate sites like the CLI does. */
    async explore(
      ws: Workspace,
      request: ExploreRequest,
      onProgress?: (message: string) => void,
      measure?: MeasureCall,
    ): Promise<WorkspaceExploration> {
      const parser = request.labels === 'estimate' ? await getParser().catch(() => null) : null;
      return exploreWorkspace(ws, request, {
        parser,
        ...(onProgress ? { onProgress } : {}),
        // A comlink proxy answers with a promise of what the page's function returns.
        ...(measure ? { measure: (run) => measure(run) } : {}),
      });
    },
    /** The config file with configuration `id` of the space written into it, comments kept. */
    configYamlFor(ws: Workspace, id: string): LoadedConfiguration | { error: string } {
      return loadConfiguration(ws, id);
    },
  };
}

export type ExploreApi = ReturnType<typeof createExploreApi>;
