// The prepare worker's entry: worker threads do not inherit the TypeScript loader the runner
// was started with, so this plain module registers tsx and loads the worker's source.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
