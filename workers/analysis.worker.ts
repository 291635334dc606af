import { expose } from 'comlink';
import { createAnalysisApi } from './analysis-api.ts';
import { getCParser } from './c-parser.ts';

expose(createAnalysisApi(getCParser, () => performance.now()));
