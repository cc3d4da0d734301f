import type { SchedulingInstance } from './instance';
import { interpreterServes, needsInterpreter } from './instance';

/** A malformed instance: `where` names the field (or line) at fault. */
export class SchedulingInputError extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(`${where}: ${message}`);
    this.name = 'SchedulingInputError';
  }
}

/** No participant meets more often than there are slots; stands in for "no maximum". */
const NO_MAX = 1 << 30;

/**
 * The instance with every id turned into an index and every per-slot rule folded into one
 * `allowed` matrix, so the solver and the infeasibility checks work on typed arrays.
 */
export interface CompiledInstance {
  instance: SchedulingInstance;
  nP: number;
  nS: number;
  nR: number;
  nI: number;
  tables: number;
  reqA: Int32Array;
  reqB: Int32Array;
  weight: Float64Array;
  mandatory: Uint8Array;
  /** Pinned slot index, -1 when free. */
  fixed: Int32Array;
  /** nR × nS: the request may be held in the slot (sessions, both sides' availability, pin, interpreters). */
  allowed: Uint8Array;
  /** Allowed slot indexes per request, ascending. */
  domain: Int32Array[];
  /** Why a request has no allowed slot, for reports. */
  emptyDomainReason: Array<string | null>;
  needsInterp: Uint8Array;
  /** Interpreters who speak a language of each side, per request needing one. */
  interpCandidates: Int32Array[];
  /** Requests with the same candidate interpreters share a class (-1: no interpreter needed). */
  interpClass: Int32Array;
  nInterpClasses: number;
  /** nI × nS */
  interpAvail: Uint8Array;
  maxMeetings: Int32Array;
  preds: Int32Array[];
  succs: Int32Array[];
  reqsOf: Int32Array[];
  breakSpread: number | undefined;
  slotIndex: Map<string, number>;
  participantIndex: Map<string, number>;
  requestIndex: Map<string, number>;
}

function indexIds(items: ReadonlyArray<{ id: string }>, field: string): Map<string, number> {
  const map = new Map<string, number>();
  items.forEach((item, i) => {
    if (map.has(item.id)) throw new SchedulingInputError(`${field}[${i}].id`, `duplicate id "${item.id}"`);
    map.set(item.id, i);
  });
  return map;
}

function slotMask(ids: string[] | undefined, slotIndex: Map<string, number>, where: string, nS: number, fill: number): Uint8Array {
  const mask = new Uint8Array(nS).fill(ids === undefined ? fill : 1 - fill);
  for (const [k, id] of (ids ?? []).entries()) {
    const s = slotIndex.get(id);
    if (s === undefined) throw new SchedulingInputError(`${where}[${k}]`, `unknown slot "${id}"`);
    mask[s] = fill;
  }
  return mask;
}

/** Checks every reference and folds the rules into index form. Throws SchedulingInputError. */
export function compileInstance(instance: SchedulingInstance): CompiledInstance {
  const { slots, participants, requests, interpreters } = instance;
  const nS = slots.length;
  const nP = participants.length;
  const nR = requests.length;
  const nI = interpreters.length;
  if (!Number.isInteger(instance.tables) || instance.tables < 0) throw new SchedulingInputError('tables', 'expected a whole number ≥ 0');
  const slotIndex = indexIds(slots, 'slots');
  const participantIndex = indexIds(participants, 'participants');
  const requestIndex = indexIds(requests, 'requests');
  indexIds(interpreters, 'interpreters');

  const avail = participants.map((p, i) => {
    const mask = slotMask(p.available, slotIndex, `participants[${i}].available`, nS, 1);
    for (const [k, id] of (p.forbidden ?? []).entries()) {
      const s = slotIndex.get(id);
      if (s === undefined) throw new SchedulingInputError(`participants[${i}].forbidden[${k}]`, `unknown slot "${id}"`);
      mask[s] = 0;
    }
    return mask;
  });
  const interpAvail = new Uint8Array(nI * nS);
  interpreters.forEach((it, i) => interpAvail.set(slotMask(it.available, slotIndex, `interpreters[${i}].available`, nS, 1), i * nS));

  const maxMeetings = Int32Array.from(participants, (p, i) => {
    if (p.maxMeetings === undefined) return NO_MAX;
    if (!Number.isInteger(p.maxMeetings) || p.maxMeetings < 0) throw new SchedulingInputError(`participants[${i}].maxMeetings`, 'expected a whole number ≥ 0');
    return p.maxMeetings;
  });

  const reqA = new Int32Array(nR);
  const reqB = new Int32Array(nR);
  const weight = new Float64Array(nR);
  const mandatory = new Uint8Array(nR);
  const fixed = new Int32Array(nR).fill(-1);
  const needsInterp = new Uint8Array(nR);
  const allowed = new Uint8Array(nR * nS);
  const domain: Int32Array[] = [];
  const emptyDomainReason: Array<string | null> = [];
  const interpCandidates: Int32Array[] = [];
  const reqsOfLists: number[][] = participants.map(() => []);

  requests.forEach((r, k) => {
    const a = participantIndex.get(r.a);
    const b = participantIndex.get(r.b);
    if (a === undefined) throw new SchedulingInputError(`requests[${k}].a`, `unknown participant "${r.a}"`);
    if (b === undefined) throw new SchedulingInputError(`requests[${k}].b`, `unknown participant "${r.b}"`);
    if (a === b) throw new SchedulingInputError(`requests[${k}]`, `a participant cannot meet themselves ("${r.a}")`);
    if (!(r.weight >= 0) || !Number.isFinite(r.weight)) throw new SchedulingInputError(`requests[${k}].weight`, 'expected a finite number ≥ 0');
    reqA[k] = a;
    reqB[k] = b;
    weight[k] = r.weight;
    mandatory[k] = r.mandatory || r.fixedSlot !== undefined ? 1 : 0;
    reqsOfLists[a]!.push(k);
    reqsOfLists[b]!.push(k);
    if (r.fixedSlot !== undefined) {
      const s = slotIndex.get(r.fixedSlot);
      if (s === undefined) throw new SchedulingInputError(`requests[${k}].fixedSlot`, `unknown slot "${r.fixedSlot}"`);
      fixed[k] = s;
    }
    const pa = participants[a]!;
    const pb = participants[b]!;
    const cands: number[] = [];
    if (needsInterpreter(pa, pb)) {
      needsInterp[k] = 1;
      interpreters.forEach((it, i) => {
        if (interpreterServes(it, pa, pb)) cands.push(i);
      });
    }
    interpCandidates.push(Int32Array.from(cands));
    const dom: number[] = [];
    const blocked = { session: 0, a: 0, b: 0, pin: 0, interp: 0 };
    for (let s = 0; s < nS; s++) {
      if (r.session !== undefined && slots[s]!.session !== r.session) blocked.session++;
      else if (fixed[k] !== -1 && fixed[k] !== s) blocked.pin++;
      else if (!avail[a]![s]) blocked.a++;
      else if (!avail[b]![s]) blocked.b++;
      else if (needsInterp[k] && !cands.some((i) => interpAvail[i * nS + s])) blocked.interp++;
      else {
        allowed[k * nS + s] = 1;
        dom.push(s);
      }
    }
    domain.push(Int32Array.from(dom));
    emptyDomainReason.push(dom.length > 0 ? null : describeEmptyDomain(r.id, pa.id, pb.id, r.fixedSlot, r.session, blocked, cands.length));
  });

  const classKey = new Map<string, number>();
  const interpClass = Int32Array.from(interpCandidates, (cands, k) => {
    if (!needsInterp[k]) return -1;
    const key = cands.join(',');
    if (!classKey.has(key)) classKey.set(key, classKey.size);
    return classKey.get(key)!;
  });

  if (instance.breakSpread !== undefined && !(Number.isInteger(instance.breakSpread) && instance.breakSpread >= 0)) {
    throw new SchedulingInputError('breakSpread', 'expected a whole number ≥ 0');
  }

  const predLists: number[][] = requests.map(() => []);
  const succLists: number[][] = requests.map(() => []);
  instance.precedences.forEach((p, k) => {
    const before = requestIndex.get(p.before);
    const after = requestIndex.get(p.after);
    if (before === undefined) throw new SchedulingInputError(`precedences[${k}].before`, `unknown request "${p.before}"`);
    if (after === undefined) throw new SchedulingInputError(`precedences[${k}].after`, `unknown request "${p.after}"`);
    if (before === after) throw new SchedulingInputError(`precedences[${k}]`, `request "${p.before}" cannot precede itself`);
    predLists[after]!.push(before);
    succLists[before]!.push(after);
  });

  return {
    instance,
    nP,
    nS,
    nR,
    nI,
    tables: instance.tables,
    reqA,
    reqB,
    weight,
    mandatory,
    fixed,
    allowed,
    domain,
    emptyDomainReason,
    needsInterp,
    interpCandidates,
    interpClass,
    nInterpClasses: classKey.size,
    interpAvail,
    maxMeetings,
    preds: predLists.map((l) => Int32Array.from(l)),
    succs: succLists.map((l) => Int32Array.from(l)),
    reqsOf: reqsOfLists.map((l) => Int32Array.from(l)),
    breakSpread: instance.breakSpread,
    slotIndex,
    participantIndex,
    requestIndex,
  };
}

function describeEmptyDomain(
  id: string,
  a: string,
  b: string,
  fixedSlot: string | undefined,
  session: string | undefined,
  blocked: { session: number; a: number; b: number; pin: number; interp: number },
  interpreterCount: number,
): string {
  if (fixedSlot !== undefined) return `request ${id} (${a}–${b}) is pinned to slot ${fixedSlot}, where ${blocked.a ? a : blocked.b ? b : 'no interpreter'} is unavailable`;
  if (interpreterCount === 0 && blocked.interp > 0) return `request ${id} (${a}–${b}) needs an interpreter and no interpreter speaks a language of each side`;
  const where = session !== undefined ? ` in session "${session}"` : '';
  if (blocked.interp > 0) return `request ${id} (${a}–${b}): no interpreter is available in the slots both sides can attend${where}`;
  return `request ${id} (${a}–${b}): ${a} and ${b} have no available slot in common${where}`;
}
