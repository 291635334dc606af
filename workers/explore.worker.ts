import { expose } from 'comlink';
import { createExploreApi } from './explore-api.ts';
import { getCParser } from './c-parser.ts';

expose(createExploreApi(getCParser));
