/**
 * Runs one scheduler job off the server's main thread (see run-solver.ts): the search can take
 * its whole time limit, and the server must keep answering meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runSolverInline, type SolverJob } from './run-solver';

parentPort!.postMessage(runSolverInline((workerData as { job: SolverJob }).job, () => performance.now()));
