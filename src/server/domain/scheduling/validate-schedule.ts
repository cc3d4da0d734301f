import type { Schedule, SchedulingInstance } from './instance';

export type ViolationKind =
  | 'unknown-request'
  | 'duplicate-request'
  | 'unknown-slot'
  | 'table-out-of-range'
  | 'table-double-booked'
  | 'tables-exceeded'
  | 'participant-double-booked'
  | 'participant-unavailable'
  | 'session'
  | 'pinned-moved'
  | 'mandatory-missing'
  | 'max-meetings'
  | 'interpreter-missing'
  | 'interpreter-unknown'
  | 'interpreter-languages'
  | 'interpreter-unavailable'
  | 'interpreter-double-booked'
  | 'precedence'
  | 'break-spread';

export interface Violation {
  kind: ViolationKind;
  message: string;
}

/**
 * Checks every hard constraint of issue 4 item 5 (and the break spread when the instance sets
 * one) from the instance and the schedule alone. Deliberately shares no code with the solver, so
 * a solver bug cannot hide itself here.
 */
export function validateSchedule(instance: SchedulingInstance, schedule: Pick<Schedule, 'meetings'>): Violation[] {
  const out: Violation[] = [];
  const v = (kind: ViolationKind, message: string) => out.push({ kind, message });
  const slotPos = new Map(instance.slots.map((s, i) => [s.id, i]));
  const slotSession = new Map(instance.slots.map((s) => [s.id, s.session]));
  const requests = new Map(instance.requests.map((r) => [r.id, r]));
  const people = new Map(instance.participants.map((p) => [p.id, p]));
  const interpreters = new Map(instance.interpreters.map((i) => [i.id, i]));
  const heldAt = new Map<string, string>();
  const personSlot = new Map<string, string>();
  const tableSlot = new Map<string, string>();
  const interpSlot = new Map<string, string>();
  const perSlot = new Map<string, number>();
  const perPerson = new Map<string, number>();

  for (const m of schedule.meetings) {
    const r = requests.get(m.request);
    if (!r) {
      v('unknown-request', `meeting for unknown request ${m.request}`);
      continue;
    }
    if (heldAt.has(r.id)) {
      v('duplicate-request', `request ${r.id} is held twice (slots ${heldAt.get(r.id)} and ${m.slot})`);
      continue;
    }
    if (!slotPos.has(m.slot)) {
      v('unknown-slot', `request ${r.id} is in unknown slot ${m.slot}`);
      continue;
    }
    heldAt.set(r.id, m.slot);
    perSlot.set(m.slot, (perSlot.get(m.slot) ?? 0) + 1);

    if (!Number.isInteger(m.table) || m.table < 1 || m.table > instance.tables) {
      v('table-out-of-range', `request ${r.id} in slot ${m.slot} uses table ${m.table}; tables are 1..${instance.tables}`);
    } else {
      const key = `${m.slot}#${m.table}`;
      const other = tableSlot.get(key);
      if (other) v('table-double-booked', `table ${m.table} in slot ${m.slot} holds requests ${other} and ${r.id}`);
      else tableSlot.set(key, r.id);
    }

    const sides = [people.get(r.a), people.get(r.b)];
    for (const p of sides) {
      if (!p) continue;
      const key = `${p.id}@${m.slot}`;
      const other = personSlot.get(key);
      if (other) v('participant-double-booked', `${p.id} has requests ${other} and ${r.id} in slot ${m.slot}`);
      else personSlot.set(key, r.id);
      perPerson.set(p.id, (perPerson.get(p.id) ?? 0) + 1);
      if ((p.available && !p.available.includes(m.slot)) || p.forbidden?.includes(m.slot)) {
        v('participant-unavailable', `${p.id} is not available in slot ${m.slot} (request ${r.id})`);
      }
    }
    if (r.session !== undefined && slotSession.get(m.slot) !== r.session) {
      v('session', `request ${r.id} belongs in session ${r.session} but is in slot ${m.slot} (${slotSession.get(m.slot) ?? 'no session'})`);
    }
    if (r.fixedSlot !== undefined && r.fixedSlot !== m.slot) {
      v('pinned-moved', `request ${r.id} is pinned to slot ${r.fixedSlot} but is in slot ${m.slot}`);
    }

    const [pa, pb] = sides;
    const shared = pa && pb && pa.languages.length > 0 && pb.languages.length > 0 ? pa.languages.some((l) => pb.languages.includes(l)) : true;
    if (m.interpreter === null || m.interpreter === undefined) {
      if (!shared) v('interpreter-missing', `request ${r.id} (${r.a}–${r.b}) shares no language and has no interpreter`);
      continue;
    }
    const it = interpreters.get(m.interpreter);
    if (!it) {
      v('interpreter-unknown', `request ${r.id} names unknown interpreter ${m.interpreter}`);
      continue;
    }
    if (!shared && pa && pb && !(it.languages.some((l) => pa.languages.includes(l)) && it.languages.some((l) => pb.languages.includes(l)))) {
      v('interpreter-languages', `interpreter ${it.id} (${it.languages.join(', ')}) cannot interpret between ${pa.id} and ${pb.id} (request ${r.id})`);
    }
    if (it.available && !it.available.includes(m.slot)) v('interpreter-unavailable', `interpreter ${it.id} is not available in slot ${m.slot} (request ${r.id})`);
    const key = `${it.id}@${m.slot}`;
    const other = interpSlot.get(key);
    if (other) v('interpreter-double-booked', `interpreter ${it.id} has requests ${other} and ${r.id} in slot ${m.slot}`);
    else interpSlot.set(key, r.id);
  }

  for (const [slot, n] of perSlot) if (n > instance.tables) v('tables-exceeded', `slot ${slot} holds ${n} meetings; there are ${instance.tables} tables`);
  for (const r of instance.requests) {
    if ((r.mandatory || r.fixedSlot !== undefined) && !heldAt.has(r.id)) {
      v(r.fixedSlot !== undefined ? 'pinned-moved' : 'mandatory-missing', `${r.fixedSlot !== undefined ? 'pinned' : 'mandatory'} request ${r.id} (${r.a}–${r.b}) is not held`);
    }
  }
  for (const p of instance.participants) {
    const n = perPerson.get(p.id) ?? 0;
    if (p.maxMeetings !== undefined && n > p.maxMeetings) v('max-meetings', `${p.id} has ${n} meetings; their maximum is ${p.maxMeetings}`);
  }
  for (const pr of instance.precedences) {
    const before = heldAt.get(pr.before);
    const after = heldAt.get(pr.after);
    if (before === undefined || after === undefined) continue;
    if (!(slotPos.get(before)! < slotPos.get(after)!)) {
      v('precedence', `request ${pr.before} (slot ${before}) must come before request ${pr.after} (slot ${after})`);
    }
  }
  if (instance.breakSpread !== undefined) {
    const positions = new Map<string, number[]>(instance.participants.map((p) => [p.id, []]));
    for (const m of schedule.meetings) {
      const r = requests.get(m.request);
      const pos = slotPos.get(m.slot);
      if (!r || pos === undefined) continue;
      positions.get(r.a)?.push(pos);
      positions.get(r.b)?.push(pos);
    }
    let lo = Infinity;
    let hi = -Infinity;
    let loId = '';
    let hiId = '';
    for (const [id, ps] of positions) {
      ps.sort((x, y) => x - y);
      let breaks = 0;
      for (let k = 1; k < ps.length; k++) if (ps[k]! - ps[k - 1]! > 1) breaks++;
      if (breaks < lo) [lo, loId] = [breaks, id];
      if (breaks > hi) [hi, hiId] = [breaks, id];
    }
    if (hi - lo > instance.breakSpread) {
      v('break-spread', `${hiId} has ${hi} breaks and ${loId} ${lo}: more than the allowed spread of ${instance.breakSpread}`);
    }
  }
  return out;
}
