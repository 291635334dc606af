import { proxy, wrap, type Remote } from 'comlink';
import ExploreWorker from '../../../workers/explore.worker.ts?worker';
import ExploreDebugWorker from '../../../workers/explore-debug.worker.ts?worker';
import type { ExploreApi } from '../../../workers/explore-api.ts';
import type { TestHooks } from '../../../workers/test-hooks.ts';
import { testHooksWanted } from '../lib/test-settings.ts';
import type { StartedWorker } from './explore-client.ts';

/** A real explore worker for ExploreClient; the test-only entry when test hooks are wanted. */
export function startExploreWorker(): StartedWorker & { hooks: Remote<TestHooks> | null } {
  const debug = testHooksWanted();
  const worker = debug
    ? new ExploreDebugWorker({ name: 'explore' })
    : new ExploreWorker({ name: 'explore' });
  const remote = wrap<ExploreApi & TestHooks>(worker);
  return {
    calls: {
      // The callback crosses as a comlink proxy: the worker posts each line as it goes, even
      // while its own event loop is blocked by the exploration.
      explore: (ws, request, onProgress, measure) =>
        remote.explore(ws, request, proxy(onProgress), measure ? proxy(measure) : undefined),
      configYamlFor: (ws, id) => remote.configYamlFor(ws, id),
    },
    terminate: () => worker.terminate(),
    onCrash: (crashed) =>
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        crashed(e.message || 'unknown error');
      }),
    hooks: debug ? remote : null,
  };
}
