// Entry of a worker thread running TypeScript: worker threads do not inherit the parent's
// `--import tsx`, so register tsx here, then load the module named in workerData.module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
