/**
 * The weighted scheduling problem as an exact MIP for HiGHS, to measure the heuristic against
 * (issue 4 item 9). Variables: x[r,s] = request r held in slot s, for every allowed slot; a
 * meeting that needs an interpreter instead gets y[r,s,L] per group L of interpreters with the same
 * languages, capped per slot by how many of that group are available. Interpreters of one group
 * are interchangeable within a slot, so the aggregation is exact. Runs in a worker thread.
 */
import { Worker } from 'node:worker_threads';
import { compileInstance } from '../../src/server/domain/scheduling/compile-instance';
import type { SchedulingInstance } from '../../src/server/domain/scheduling/instance';

export interface MipResult {
  status: string;
  objective: number;
  /** Proven upper bound on the optimum (MIP dual bound, or the LP optimum for a relaxation). */
  bound: number;
  gap: number;
  seconds: number;
  columns: number;
  rows: number;
  relaxation: boolean;
  error?: string;
}

interface CscModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

export function buildMip(instance: SchedulingInstance): CscModel {
  if (instance.precedences.length > 0) throw new Error('exact MIP: precedences are not modelled');
  const c = compileInstance(instance);
  // Interpreter groups by language set; count available per group and slot.
  const groupKey = instance.interpreters.map((i) => [...i.languages].sort().join('+'));
  const groups = [...new Set(groupKey)];
  const groupOf = groupKey.map((k) => groups.indexOf(k));
  const available = new Int32Array(groups.length * c.nS);
  for (let i = 0; i < c.nI; i++) for (let s = 0; s < c.nS; s++) if (c.interpAvail[i * c.nS + s]) available[groupOf[i]! * c.nS + s]!++;

  let rows = 0;
  const reqRow = new Int32Array(c.nR);
  for (let r = 0; r < c.nR; r++) reqRow[r] = rows++;
  const personSlotRow = new Int32Array(c.nP * c.nS);
  for (let k = 0; k < c.nP * c.nS; k++) personSlotRow[k] = rows++;
  const slotRow = new Int32Array(c.nS);
  for (let s = 0; s < c.nS; s++) slotRow[s] = rows++;
  const maxRow = new Int32Array(c.nP).fill(-1);
  for (let p = 0; p < c.nP; p++) if (c.maxMeetings[p]! < c.reqsOf[p]!.length) maxRow[p] = rows++;
  const groupSlotRow = new Int32Array(groups.length * c.nS);
  for (let k = 0; k < groups.length * c.nS; k++) groupSlotRow[k] = rows++;

  const rowLower = new Float64Array(rows);
  const rowUpper = new Float64Array(rows);
  for (let r = 0; r < c.nR; r++) {
    rowUpper[reqRow[r]!] = 1;
    rowLower[reqRow[r]!] = c.mandatory[r] ? 1 : 0;
  }
  for (let k = 0; k < c.nP * c.nS; k++) rowUpper[personSlotRow[k]!] = 1;
  for (let s = 0; s < c.nS; s++) rowUpper[slotRow[s]!] = c.tables;
  for (let p = 0; p < c.nP; p++) if (maxRow[p]! >= 0) rowUpper[maxRow[p]!] = c.maxMeetings[p]!;
  for (let k = 0; k < groups.length * c.nS; k++) rowUpper[groupSlotRow[k]!] = available[k]!;

  const cost: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  for (let r = 0; r < c.nR; r++) {
    const a = c.reqA[r]!;
    const b = c.reqB[r]!;
    const servingGroups = c.needsInterp[r] ? [...new Set([...c.interpCandidates[r]!].map((i) => groupOf[i]!))] : [-1];
    for (const s of c.domain[r]!) {
      for (const g of servingGroups) {
        if (g >= 0 && available[g * c.nS + s] === 0) continue;
        const col = [reqRow[r]!, personSlotRow[a * c.nS + s]!, personSlotRow[b * c.nS + s]!, slotRow[s]!];
        if (maxRow[a]! >= 0) col.push(maxRow[a]!);
        if (maxRow[b]! >= 0) col.push(maxRow[b]!);
        if (g >= 0) col.push(groupSlotRow[g * c.nS + s]!);
        indices.push(...col.sort((x, y) => x - y));
        starts.push(indices.length);
        cost.push(c.weight[r]!);
      }
    }
  }
  return {
    numCols: cost.length,
    numRows: rows,
    colCost: Float64Array.from(cost),
    colUpper: new Float64Array(cost.length).fill(1),
    rowLower,
    rowUpper,
    starts: Int32Array.from(starts),
    indices: Int32Array.from(indices),
    values: new Float64Array(indices.length).fill(1),
  };
}

/**
 * A relaxation small enough for any size: slots are forgotten, each participant keeps a budget
 * of min(maximum, slots they can attend), the tables a budget of tables × slots, and meetings that
 * need an interpreter a budget of interpreter-slots over the slots they could use. Every schedule
 * satisfies it, so its optimum bounds the true optimum from above.
 */
export function buildAggregateBound(instance: SchedulingInstance): CscModel {
  const c = compileInstance(instance);
  const usable = c.domain.map((d) => d.length > 0);
  let rows = 0;
  const personRow = Int32Array.from({ length: c.nP }, () => rows++);
  const tableRow = rows++;
  const interpRow = rows++;
  const rowUpper = new Float64Array(rows);
  for (let p = 0; p < c.nP; p++) {
    const slots = new Set<number>();
    for (const r of c.reqsOf[p]!) for (const s of c.domain[r]!) slots.add(s);
    rowUpper[personRow[p]!] = Math.min(c.maxMeetings[p]!, slots.size);
  }
  rowUpper[tableRow] = c.tables * c.nS;
  let interpSlots = 0;
  for (let k = 0; k < c.nI * c.nS; k++) interpSlots += c.interpAvail[k]!;
  rowUpper[interpRow] = interpSlots;
  const cost: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  for (let r = 0; r < c.nR; r++) {
    if (!usable[r]) continue;
    const col = [personRow[c.reqA[r]!]!, personRow[c.reqB[r]!]!, tableRow];
    if (c.needsInterp[r]) col.push(interpRow);
    indices.push(...col.sort((x, y) => x - y));
    starts.push(indices.length);
    cost.push(c.weight[r]!);
  }
  return {
    numCols: cost.length,
    numRows: rows,
    colCost: Float64Array.from(cost),
    colUpper: new Float64Array(cost.length).fill(1),
    rowLower: new Float64Array(rows),
    rowUpper,
    starts: Int32Array.from(starts),
    indices: Int32Array.from(indices),
    values: new Float64Array(indices.length).fill(1),
  };
}

/** Solves the MIP (or, with `relaxation`, its LP) in a worker; never throws on solver failure. */
export function solveExact(
  instance: SchedulingInstance,
  opts: { timeLimitSeconds: number; relaxation?: boolean; lpSolver?: 'simplex' | 'ipm' | 'pdlp'; model?: 'full' | 'aggregate' },
): Promise<MipResult> {
  const model = opts.model === 'aggregate' ? buildAggregateBound(instance) : buildMip(instance);
  const relaxation = opts.relaxation ?? false;
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./highs-worker.mjs', import.meta.url), {
      workerData: { ...model, integer: !relaxation, timeLimit: opts.timeLimitSeconds, lpSolver: opts.lpSolver },
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    const base = { columns: model.numCols, rows: model.numRows, relaxation };
    worker.once('message', (m: Omit<MipResult, 'columns' | 'rows' | 'relaxation'>) => {
      resolve({ ...m, ...base });
      void worker.terminate();
    });
    worker.once('error', (err) => resolve({ status: 'error', objective: NaN, bound: NaN, gap: NaN, seconds: 0, error: String(err), ...base }));
  });
}
