/**
 * Runs autocannon in a worker thread so that the load generator does not share an event loop with
 * the server it measures. Receives { url, paths, connections, seconds } and posts back the
 * autocannon result with every response's latency.
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, paths, connections, seconds } = workerData;
const latencies = [];
const statuses = {};
const started = performance.now();
const instance = autocannon(
  { url, connections, duration: seconds, timeout: 30, requests: paths.map((p) => ({ method: "GET", path: p })) },
  (err, result) => {
    if (err) throw err;
    // Inside a worker thread autocannon reports raw histograms; count the responses seen instead.
    const duration = (performance.now() - started) / 1000;
    parentPort.postMessage({ total: latencies.length, duration, errors: result.errors ?? 0, timeouts: result.timeouts ?? 0, non2xx: Object.entries(statuses).filter(([s]) => s < 200 || s >= 300).reduce((n, [, c]) => n + c, 0), latencies, statuses });
  },
);
instance.on('response', (_client, status, _bytes, responseTime) => {
  latencies.push(responseTime);
  statuses[status] = (statuses[status] ?? 0) + 1;
});
