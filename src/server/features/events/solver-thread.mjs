// Entry of the scheduler's worker thread: worker threads do not inherit the parent's `--import tsx`,
// so register tsx here, then load the TypeScript worker module.
import { register } from 'tsx/esm/api';

register();
await import('./solver-worker.ts');
