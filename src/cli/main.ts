import { createRequire } from 'node:module';
import { Command } from 'commander';
import { registerDemoCommands } from './demo.command';
import { registerEvalCommands } from './eval.command';
import { registerExportCommand } from './export.command';
import { registerImportCommands } from './import.command';
import { registerLearnCommands } from './learn.command';
import { registerScheduleCommands } from './schedule.command';
import { describeDatabase, withDatabase } from './with-database';

/**
 * The `ponte` command. The database comes from the same configuration as the server
 * (DATABASE_URL, else PGlite in PONTE_DATA_DIR) and is migrated before any command runs.
 */
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export function buildProgram(): Command {
  const program = new Command('ponte')
    .description('Ponte (桥): Italian–Chinese partnering — command-line tools')
    .version(version)
    .showHelpAfterError();

  program
    .command('migrate')
    .description('apply pending database migrations and print the version')
    .action(async () => {
      await withDatabase(async ({ config, migration }) => {
        process.stdout.write(`Database (${describeDatabase(config)}) is at migration ${migration}.\n`);
      });
    });

  registerImportCommands(program);
  registerExportCommand(program);
  registerDemoCommands(program);
  registerScheduleCommands(program);
  registerEvalCommands(program);
  registerLearnCommands(program);
  return program;
}

buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    process.stderr.write(`ponte: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
