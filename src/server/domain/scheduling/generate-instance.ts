import { Rng, mixSeed } from '../synth/prng';
import type { Interpreter, MeetingRequest, Participant, SchedulingInstance, Slot } from './instance';

export interface GenerateOptions {
  seed: number;
  participants: number;
  /** Requests ÷ table-slot capacity, e.g. 1.2 or 2. */
  oversubscription: number;
  /** Share of participants joining online, whose availability follows their own time zone. */
  remoteShare?: number;
  /** Tables per participant (default 0.22). */
  tablesPerParticipant?: number;
}

/**
 * A seeded brokerage event like the ones issue 4 describes: a one-day Italian–Chinese event of 16
 * slots (morning 1–8, afternoon 9–16), half Italian and half Chinese participants, most speaking
 * English too (so 10–20 % of meetings need an interpreter), availability windows (late arrivals,
 * early departures) and remote participants whose few common working hours fall at one end of
 * the day. Requests come in arrival order, weighted by priority, mutual interest and "must meet".
 */
export function generateInstance(opts: GenerateOptions): SchedulingInstance {
  const rng = new Rng(mixSeed(opts.seed, opts.participants, Math.round(opts.oversubscription * 100)));
  const nSlots = 16;
  const slots: Slot[] = Array.from({ length: nSlots }, (_, i) => ({ id: `s${String(i + 1).padStart(2, '0')}`, session: i < 8 ? 'morning' : 'afternoon' }));
  const slotIds = slots.map((s) => s.id);
  const range = (from: number, to: number) => slotIds.slice(from, to);
  const tables = Math.max(2, Math.round(opts.participants * (opts.tablesPerParticipant ?? 0.22)));
  const remoteShare = opts.remoteShare ?? 0.12;

  const participants: Participant[] = [];
  const country: Array<'it' | 'cn'> = [];
  const popularity: number[] = [];
  for (let k = 0; k < opts.participants; k++) {
    const c = k % 2 === 0 ? 'it' : 'cn';
    const languages = [c === 'it' ? 'it' : 'zh'];
    if (rng.chance(0.9)) languages.push('en');
    if (c === 'it' && rng.chance(0.03)) languages.push('zh');
    const p: Participant = { id: `${c}-${k + 1}`, languages, maxMeetings: rng.int(6, 12) };
    if (rng.chance(remoteShare)) {
      // Joining from the other side of the world: a few hours at one end of the event's day.
      const len = rng.int(4, 6);
      p.available = c === 'it' ? range(nSlots - len, nSlots) : range(0, len);
    } else {
      const roll = rng.float();
      if (roll < 0.15) p.available = range(rng.int(3, 7), nSlots);
      else if (roll < 0.3) p.available = range(0, rng.int(9, 13));
    }
    participants.push(p);
    country.push(c);
    popularity.push(Math.pow(rng.float(), 2) * 4 + 0.2);
  }
  const byCountry = { it: [] as number[], cn: [] as number[] };
  country.forEach((c, k) => byCountry[c].push(k));
  const cumulative = (ids: number[]) => {
    const acc: number[] = [];
    let s = 0;
    for (const k of ids) acc.push((s += popularity[k]!));
    return acc;
  };
  const cum = { it: cumulative(byCountry.it), cn: cumulative(byCountry.cn) };
  const drawFrom = (c: 'it' | 'cn'): number => {
    const acc = cum[c];
    const x = rng.float() * acc[acc.length - 1]!;
    let lo = 0;
    let hi = acc.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (acc[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return byCountry[c][lo]!;
  };

  const target = Math.round(opts.oversubscription * tables * nSlots);
  const seen = new Set<string>();
  const requests: MeetingRequest[] = [];
  let guard = 0;
  while (requests.length < target && guard++ < target * 50) {
    const a = rng.int(0, opts.participants - 1);
    const other = rng.chance(0.82) ? (country[a] === 'it' ? 'cn' : 'it') : country[a]!;
    const b = drawFrom(other);
    if (a === b) continue;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let weight = rng.pick([1, 1, 2, 2, 3]);
    if (rng.chance(0.25)) weight += 2; // mutual request
    if (rng.chance(0.05)) weight *= 2; // "must meet"
    requests.push({ id: `r${requests.length + 1}`, a: participants[a]!.id, b: participants[b]!.id, weight });
  }

  const nInterp = Math.max(2, Math.round(tables * 0.12));
  const interpreters: Interpreter[] = Array.from({ length: nInterp }, (_, k) => {
    const languages = rng.weighted<string[]>([
      [['it', 'zh'], 6],
      [['en', 'zh'], 2.5],
      [['it', 'zh', 'en'], 1.5],
    ]);
    const it: Interpreter = { id: `int-${k + 1}`, languages };
    const roll = rng.float();
    if (roll < 0.15) it.available = range(0, 8);
    else if (roll < 0.3) it.available = range(8, nSlots);
    return it;
  });

  return { slots, tables, interpreters, participants, requests, precedences: [] };
}
