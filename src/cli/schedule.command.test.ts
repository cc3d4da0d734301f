import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerScheduleCommands } from './schedule.command';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ponte-schedule-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  process.exitCode = undefined;
});

async function run(...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  try {
    const program = new Command('ponte').exitOverride();
    registerScheduleCommands(program);
    await program.parseAsync(args, { from: 'user' });
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { stdout: out.join(''), stderr: err.join(''), exitCode };
}

const instance = {
  slots: [{ id: 'am1', session: 'morning' }, { id: 'am2', session: 'morning' }, 'pm1'],
  tables: 2,
  interpreters: [{ id: 'li', languages: ['it', 'zh'] }],
  participants: [
    { id: 'rossi', languages: ['it'] },
    { id: 'wang', languages: ['zh'] },
    { id: 'smith', languages: ['en', 'it'], maxMeetings: 2 },
  ],
  requests: [
    { id: 'r1', a: 'rossi', b: 'wang', weight: 3, mandatory: true },
    { id: 'r2', a: 'rossi', b: 'smith', weight: 1 },
    { id: 'r3', a: 'wang', b: 'smith', weight: 2, session: 'morning' },
  ],
};

describe('ponte schedule', () => {
  it('schedules a Ponte JSON instance and the validator accepts the result', async () => {
    const inFile = path.join(dir, 'event.json');
    const outFile = path.join(dir, 'event.schedule.json');
    await writeFile(inFile, JSON.stringify(instance));
    const res = await run('schedule', '--in', inFile, '--out', outFile, '--time-limit', '2');
    expect(res.exitCode).toBe(0);
    expect(res.stdout).toMatch(/^Scheduled \d+ of 3 requests/);
    const written = JSON.parse(await readFile(outFile, 'utf8'));
    expect(Object.keys(written)).toEqual(['meetings', 'unscheduled', 'stats']);
    expect(written.meetings.find((m: { request: string }) => m.request === 'r1')).toMatchObject({ interpreter: 'li' });
    expect(written.stats).toMatchObject({ requests: 3, mandatoryHeld: 1 });
    const check = await run('schedule', 'validate', '--in', inFile, '--schedule', outFile);
    expect(check).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^Valid: \d+ meetings/) });
  });

  it('writes .dzn meeting and slot numbers as numbers', async () => {
    const inFile = path.join(dir, 'tiny.dzn');
    await writeFile(inFile, 'nBusiness = 3; nMeetings = 2; nTables = 1; nTotalSlots = 3; nMorningSlots = 3;\nrequested = [| 1, 2, 3 | 2, 3, 3 |];\n');
    const res = await run('schedule', '--in', inFile, '--json');
    expect(res.exitCode).toBe(0);
    const json = JSON.parse(res.stdout);
    expect(json.meetings.map((m: { request: number }) => m.request).sort()).toEqual([1, 2]);
    expect(json.meetings.every((m: { slot: unknown }) => typeof m.slot === 'number')).toBe(true);
    expect(json.stats.breaks.total).toBe(0);
  });

  it('exits non-zero on an infeasible event, names the conflict and writes no schedule', async () => {
    const inFile = path.join(dir, 'infeasible.json');
    const outFile = path.join(dir, 'infeasible.schedule.json');
    const bad = { ...instance, requests: [...instance.requests, { id: 'r4', a: 'smith', b: 'wang', mandatory: true, fixedSlot: 'pm1' }, { id: 'r5', a: 'smith', b: 'rossi', mandatory: true, fixedSlot: 'pm1' }] };
    await writeFile(inFile, JSON.stringify(bad));
    const res = await run('schedule', '--in', inFile, '--out', outFile);
    expect(res.exitCode).toBe(2);
    expect(res.stderr).toMatch(/infeasible:\n {2}- requests r4 and r5 are both pinned to slot pm1 and both involve smith/);
    expect(existsSync(outFile)).toBe(false);
  });

  it('names the field of a malformed instance', async () => {
    const inFile = path.join(dir, 'malformed.json');
    await writeFile(inFile, JSON.stringify({ ...instance, requests: [{ id: 'x', a: 'rossi', b: 'nobody', weight: 1 }] }));
    await expect(run('schedule', '--in', inFile)).rejects.toThrow(/malformed\.json: requests\[0\]\.b: unknown participant "nobody"/);
    await writeFile(inFile, '{\n  "slots": [\n    "a",\n  ]\n}');
    await expect(run('schedule', '--in', inFile)).rejects.toThrow(/instance, line 4, column 3: malformed JSON/);
  });

  it('reports each violation of a hand-edited schedule', async () => {
    const inFile = path.join(dir, 'event2.json');
    const schedFile = path.join(dir, 'edited.json');
    await writeFile(inFile, JSON.stringify(instance));
    await writeFile(schedFile, JSON.stringify({ meetings: [{ request: 'r1', slot: 'am1', table: 1, interpreter: null }, { request: 'r2', slot: 'am1', table: 1, interpreter: null }] }));
    const res = await run('schedule', 'validate', '--in', inFile, '--schedule', schedFile, '--json');
    expect(res.exitCode).toBe(1);
    const kinds = JSON.parse(res.stdout).violations.map((v: { kind: string }) => v.kind);
    expect(kinds).toEqual(expect.arrayContaining(['table-double-booked', 'participant-double-booked', 'interpreter-missing']));
  });
});
