import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { loadDemoData } from '../server/demo/load-demo';
import { loadSyntheticData } from '../server/features/transfer/load-synthetic';
import { withDatabase } from './with-database';

export const nonNegativeInt = (value: string): number => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return Number(value);
};

export function registerDemoCommands(program: Command): void {
  const demo = program.command('demo').description('demo and synthetic data');

  demo
    .command('load')
    .description('load (or reload) the demo organisations and example opportunities; idempotent')
    .action(async () => {
      const r = await withDatabase(({ db, reference }) => loadDemoData(db, reference, { force: true }));
      process.stdout.write(`Demo data loaded: ${r.organisations} organisations, ${r.opportunities} example opportunities.\n`);
    });

  demo
    .command('synth')
    .description('insert N synthetic organisations (slug synth-<seed>-<n>, hidden from the directory by default)')
    .requiredOption('--orgs <n>', 'number of organisations', nonNegativeInt)
    .option('--seed <s>', 'seed: the same seed gives the same rows', nonNegativeInt, 1)
    .option('--opportunities-per-org <n>', 'average opportunities per organisation', nonNegativeInt, 3)
    .action(async (flags: { orgs: number; seed: number; opportunitiesPerOrg: number }) => {
      const step = Math.max(1000, Math.round(flags.orgs / 20));
      let nextReport = step;
      const r = await withDatabase(({ db }) =>
        loadSyntheticData(db, {
          seed: flags.seed,
          organisations: flags.orgs,
          opportunitiesPerOrg: flags.opportunitiesPerOrg,
          onProgress: (p) => {
            const done = p.organisations + p.skipped;
            if (done < nextReport && done < p.total) return;
            nextReport = done + step;
            process.stderr.write(`synth: ${done}/${p.total} organisations, ${p.opportunities} opportunities, ${(p.elapsedMs / 1000).toFixed(1)} s\n`);
          },
        }),
      );
      process.stdout.write(
        `Synthetic data (seed ${flags.seed}): ${r.organisations} organisations and ${r.opportunities} opportunities inserted` +
          `${r.skipped ? `, ${r.skipped} organisations already present` : ''}, in ${(r.elapsedMs / 1000).toFixed(1)} s.\n`,
      );
    });
}
