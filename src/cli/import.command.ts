import type { Command } from 'commander';
import { Option } from 'commander';
import type { Locale } from '../contracts/common';
import { importOpportunities } from '../server/features/transfer/import-opportunities';
import { importOrganisations } from '../server/features/transfer/import-organisations';
import { type ImportReport, formatIssue } from '../server/features/transfer/import-report';
import { readTableFile } from '../server/features/transfer/read-table';
import { withDatabase } from './with-database';

interface ImportFlags {
  dryRun?: boolean;
  lang: Locale;
  json?: boolean;
}

export function registerImportCommands(program: Command): void {
  const command = program
    .command('import')
    .description('import organisations or opportunities from .csv or .xlsx (all rows or none; see docs/import-format.md)');
  for (const entity of ['organisations', 'opportunities'] as const) {
    command
      .command(`${entity} <file>`)
      .description(`validate and import ${entity}`)
      .option('--dry-run', 'validate and report what would change, without writing')
      .addOption(new Option('--lang <lang>', 'language of row error messages').choices(['en', 'it', 'zh']).default('en'))
      .option('--json', 'print the report as JSON')
      .action(async (file: string, flags: ImportFlags) => {
        const table = await readTableFile(file);
        const report = await withDatabase(({ db, reference }) => {
          const run = entity === 'organisations' ? importOrganisations : importOpportunities;
          return run(db, reference, table, { dryRun: flags.dryRun ?? false, locale: flags.lang });
        });
        process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : humanReport(report));
        if (!report.ok) process.exitCode = 1;
      });
  }
}

function humanReport(r: ImportReport): string {
  if (!r.ok) {
    const lines = r.errors.map(formatIssue);
    const n = r.errors.length;
    return `${lines.join('\n')}\n${n} error${n === 1 ? '' : 's'} in ${r.file}; nothing was imported.\n`;
  }
  if (r.dryRun) {
    return `Dry run: ${r.file} is valid. ${r.rows} ${r.entity} would be imported: ${r.created} created, ${r.updated} updated. Nothing was written.\n`;
  }
  return `Imported ${r.rows} ${r.entity} from ${r.file}: ${r.created} created, ${r.updated} updated.\n`;
}
