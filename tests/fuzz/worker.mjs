// Bootstrap of a fuzz worker thread: TypeScript through tsx, then the worker's own module.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
