// Runs a TypeScript worker module: registers tsx in this worker thread, then imports the file
// named in workerData.module (worker threads do not inherit the parent's --import hooks).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
