/**
 * The scheduler in a worker thread, so a run of up to a minute never blocks other requests.
 * Instances, schedules and results are plain data and cross the thread boundary by structured
 * clone. `inline` runs on the calling thread (what the CLI and benchmarks do directly).
 */
import { Worker } from 'node:worker_threads';
import type { Schedule, SchedulingInstance } from '../../domain/scheduling/instance';
import { rescheduleMeetings, type RescheduleResult } from '../../domain/scheduling/reschedule';
import { solveSchedule, type SolveResult } from '../../domain/scheduling/solve-schedule';

export interface SolverJob {
  instance: SchedulingInstance;
  /** The current schedule: when it has meetings, the run reschedules instead of starting over. */
  previous: Schedule | null;
  options: { timeLimitSeconds?: number; seed?: number };
}

export type SolverOutcome = SolveResult | RescheduleResult;

/** Extra time a worker gets beyond its time limit before it is stopped and the run fails. */
const GRACE_MS = 30_000;

export function runSolverInline(job: SolverJob, clock: () => number): SolverOutcome {
  const options = { ...job.options, clock };
  return job.previous && job.previous.meetings.length > 0 ? rescheduleMeetings(job.instance, job.previous, options) : solveSchedule(job.instance, options);
}

export function runSolverInWorker(job: SolverJob): Promise<SolverOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../../workers/ts-worker.mjs', import.meta.url), {
      workerData: { module: new URL('./solver-worker.ts', import.meta.url).href, job },
    });
    const limitMs = (job.options.timeLimitSeconds ?? 10) * 1000 + GRACE_MS;
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`scheduler worker did not finish within ${limitMs} ms`));
    }, limitMs);
    worker.once('message', (result: SolverOutcome) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
