// The explore worker plus test hooks; started instead of explore.worker.ts only for the
// end-to-end harness or `?debug` (src/app/state/explore.svelte.ts).
import { expose } from 'comlink';
import { createExploreApi } from './explore-api.ts';
import { getCParser } from './c-parser.ts';
import { createTestHooks } from './test-hooks.ts';

expose({ ...createExploreApi(getCParser), ...createTestHooks('explore') });
