import type { Command } from 'commander';
import { runWeightLearning } from '../server/features/matching/learn-weights';
import { withDatabase } from './with-database';

/** `ponte learn weights`: fit the score weights from recorded use; store them only if better. */
export function registerLearnCommands(program: Command): void {
  program
    .command('learn')
    .description('learn from how people use recommendations')
    .command('weights')
    .description('fit the score weights on match events; keep them only if they beat the hand-set ones on the newest 20 %')
    .option('--dry-run', 'report without storing new weights')
    .option('--json', 'print one JSON document')
    .action(async (opts: { dryRun?: boolean; json?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const r = await runWeightLearning(db, { dryRun: opts.dryRun });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
          return;
        }
        const m = (x: { auc: number; logLoss: number } | null) => (x ? `AUC ${x.auc.toFixed(4)}, log-loss ${x.logLoss.toFixed(4)}` : '—');
        process.stdout.write(
          [
            `examples: ${r.examples.train} for fitting, ${r.examples.heldOut} held out (${r.examples.positivesHeldOut} positive)`,
            `hand-set weights on held-out: ${m(r.handSet)}`,
            `learned weights on held-out:  ${m(r.learned)}`,
            `decision: ${r.replaced ? (r.stored ? 'learned weights stored; used from the next start' : 'learned weights better (dry run: not stored)') : `hand-set weights kept (${r.reason})`}`,
            '',
          ].join('\n'),
        );
      });
    });
}
