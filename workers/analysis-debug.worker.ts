// The analysis worker plus test hooks; started instead of analysis.worker.ts only for the
// end-to-end harness or `?debug` (AnalysisClient), so a normal visit cannot crash its worker.
import { expose } from 'comlink';
import { createAnalysisApi } from './analysis-api.ts';
import { getCParser } from './c-parser.ts';
import { createTestHooks } from './test-hooks.ts';

expose({
  ...createAnalysisApi(getCParser, () => performance.now()),
  ...createTestHooks('analysis'),
});
