// Solves one scheduling MIP (or its LP relaxation) with HiGHS compiled to WebAssembly, in a worker
// thread so the bench process stays responsive. Input: the CSC model of exact-mip.ts; output:
// status, objective, dual bound, gap and seconds.
import { parentPort, workerData } from 'node:worker_threads';
import loadHighs from 'highs';

const m = workerData;
const highs = await loadHighs();
const started = performance.now();
const model = highs.createModel({
  numCols: m.numCols,
  numRows: m.numRows,
  sense: highs.constants.objectiveSense.maximize,
  colCost: m.colCost,
  colLower: new Float64Array(m.numCols),
  colUpper: m.colUpper,
  rowLower: m.rowLower,
  rowUpper: m.rowUpper,
  matrix: { format: 'csc', numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
  ...(m.integer ? { integrality: new Int32Array(m.numCols).fill(highs.constants.variableType.integer) } : {}),
});
try {
  model.options.set({ output_flag: false, time_limit: m.timeLimit, mip_rel_gap: m.mipRelGap ?? 1e-4, ...(m.integer ? {} : { solver: m.lpSolver ?? 'choose' }) });
  model.run();
  const code = model.getModelStatus();
  const status = Object.entries(highs.constants.modelStatus).find(([, v]) => v === code)?.[0] ?? String(code);
  const objective = model.getObjectiveValue();
  let bound = objective;
  let gap = 0;
  if (m.integer) {
    bound = Number(model.info.get('mip_dual_bound'));
    gap = Number(model.info.get('mip_gap'));
  }
  parentPort.postMessage({ status, objective, bound, gap, seconds: (performance.now() - started) / 1000 });
} catch (err) {
  parentPort.postMessage({ status: 'error', error: String(err), seconds: (performance.now() - started) / 1000 });
} finally {
  model.dispose();
}
