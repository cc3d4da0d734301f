import { readFile, writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { SchedulingInputError } from '../server/domain/scheduling/compile-instance';
import { parseDzn } from '../server/domain/scheduling/dzn';
import type { Schedule, SchedulingInstance } from '../server/domain/scheduling/instance';
import { parseInstanceJson, parseScheduleJson } from '../server/domain/scheduling/instance-json';
import { solveSchedule } from '../server/domain/scheduling/solve-schedule';
import { validateSchedule } from '../server/domain/scheduling/validate-schedule';

interface LoadedInstance {
  instance: SchedulingInstance;
  /** .dzn ids are the file's 1-based numbers and are written back as numbers. */
  numericIds: boolean;
  warnings: string[];
}

const positiveSeconds = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds > 0');
  return n;
};

async function loadInstance(file: string): Promise<LoadedInstance> {
  const text = await readFile(file, 'utf8');
  const isDzn = file.toLowerCase().endsWith('.dzn') || !text.trimStart().startsWith('{');
  try {
    if (isDzn) {
      const { instance, warnings } = parseDzn(text);
      return { instance, numericIds: true, warnings };
    }
    return { instance: parseInstanceJson(text), numericIds: false, warnings: [] };
  } catch (err) {
    if (err instanceof SchedulingInputError) throw new Error(`${file}: ${err.message}`, { cause: err });
    throw err;
  }
}

function outputIds(schedule: Schedule, numeric: boolean) {
  const id = (x: string) => (numeric ? Number(x) : x);
  return {
    meetings: schedule.meetings.map((m) => ({ request: id(m.request), slot: id(m.slot), table: m.table, interpreter: m.interpreter })),
    unscheduled: schedule.unscheduled.map(id),
  };
}

async function emit(json: unknown, flags: { out?: string; json?: boolean }, summary: string): Promise<void> {
  const text = `${JSON.stringify(json, null, 2)}\n`;
  if (flags.out) await writeFile(flags.out, text);
  if (flags.json || !flags.out) process.stdout.write(text);
  else process.stdout.write(summary);
}

export function registerScheduleCommands(program: Command): void {
  // `schedule` has options of its own and a `validate` subcommand taking `--in` too: options must
  // belong to the command they follow. The program itself only has --version and --help.
  program.enablePositionalOptions();
  const schedule = program
    .command('schedule')
    .description('schedule one-to-one meetings from a Ponte instance (.json) or a UdG MiniZinc file (.dzn); see docs/scheduling-format.md')
    .enablePositionalOptions()
    .option('--in <file>', 'instance file (.json or .dzn)')
    .option('--out <file>', 'write the schedule JSON here (default: standard output)')
    .option('--time-limit <seconds>', 'wall-clock limit for the search', positiveSeconds, 10)
    .option('--seed <n>', 'random seed: the same seed and limit give the same schedule on the same machine', (v) => Number.parseInt(v, 10), 1)
    .option('--json', 'print the result JSON on standard output even with --out')
    .action(async (flags: { in?: string; out?: string; timeLimit: number; seed: number; json?: boolean }) => {
      if (!flags.in) throw new Error("missing required option '--in <file>'");
      const { instance, numericIds, warnings } = await loadInstance(flags.in);
      for (const w of warnings) process.stderr.write(`ponte schedule: ${flags.in}: ${w}\n`);
      const result = solveSchedule(instance, { clock: () => performance.now(), timeLimitSeconds: flags.timeLimit, seed: flags.seed });
      if (result.status !== 'scheduled') {
        // An infeasible or unsolved event gets a reason and no schedule, never a partial one.
        const reasons = result.status === 'infeasible' ? result.conflicts.map((c) => c.message) : [result.message];
        process.stderr.write(`ponte schedule: ${result.status === 'infeasible' ? 'infeasible' : 'no schedule found'}:\n${reasons.map((r) => `  - ${r}`).join('\n')}\n`);
        if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        process.exitCode = result.status === 'infeasible' ? 2 : 3;
        return;
      }
      const { stats } = result;
      const body = { ...outputIds(result.schedule, numericIds), stats };
      await emit(body, flags, `Scheduled ${stats.meetings} of ${stats.requests} requests (weight ${stats.totalWeight} of ${stats.requestedWeight}), ${stats.breaks.total} breaks, in ${stats.seconds} s; written to ${flags.out}.\n`);
    });

  schedule
    .command('validate')
    .description('check a schedule against every hard constraint of its instance, independently of the scheduler')
    .requiredOption('--in <file>', 'instance file (.json or .dzn)')
    .requiredOption('--schedule <file>', 'schedule JSON as written by `ponte schedule`')
    .option('--json', 'print the violations as JSON')
    .action(async (flags: { in: string; schedule: string; json?: boolean }) => {
      const { instance } = await loadInstance(flags.in);
      let parsed: Schedule;
      try {
        parsed = parseScheduleJson(await readFile(flags.schedule, 'utf8'));
      } catch (err) {
        if (err instanceof SchedulingInputError) throw new Error(`${flags.schedule}: ${err.message}`, { cause: err });
        throw err;
      }
      const violations = validateSchedule(instance, parsed);
      if (flags.json) process.stdout.write(`${JSON.stringify({ valid: violations.length === 0, meetings: parsed.meetings.length, violations }, null, 2)}\n`);
      else if (violations.length === 0) process.stdout.write(`Valid: ${parsed.meetings.length} meetings keep every hard constraint.\n`);
      else process.stdout.write(`${violations.map((v) => `${v.kind}: ${v.message}`).join('\n')}\n${violations.length} violation${violations.length === 1 ? '' : 's'}.\n`);
      if (violations.length > 0) process.exitCode = 1;
    });
}
