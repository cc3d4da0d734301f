import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { Option } from 'commander';
import { type ExportEntity, type ExportFormat, exportColumns, exportRecords, writeExport } from '../server/features/transfer/export-table';
import { withDatabase } from './with-database';

interface ExportFlags {
  format?: ExportFormat;
  out?: string;
  includeSynthetic?: boolean;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('export organisations or opportunities in the import format (re-imports cleanly)')
    .addArgument(program.createArgument('<entity>', 'what to export').choices(['organisations', 'opportunities']))
    .addOption(new Option('--format <format>', 'file format (default: from --out, else csv)').choices(['csv', 'xlsx', 'json']))
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--include-synthetic', 'include synthetic rows (left out by default)')
    .action(async (entity: ExportEntity, flags: ExportFlags) => {
      const format = flags.format ?? formatFromName(flags.out) ?? 'csv';
      const out = flags.out ? fs.createWriteStream(flags.out) : process.stdout;
      const count = await withDatabase(({ db }) =>
        writeExport(exportRecords(db, entity, { includeSynthetic: flags.includeSynthetic }), exportColumns(entity), format, out, entity),
      );
      if (flags.out) {
        if (!out.writableEnded) out.end();
        await finished(out);
      }
      process.stderr.write(`Exported ${count} ${entity}${flags.out ? ` to ${flags.out}` : ''}.\n`);
    });
}

function formatFromName(file: string | undefined): ExportFormat | null {
  const ext = file ? path.extname(file).slice(1).toLowerCase() : '';
  return ext === 'csv' || ext === 'xlsx' || ext === 'json' ? ext : null;
}
