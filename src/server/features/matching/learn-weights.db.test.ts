import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../domain/synth/prng';
import { DB_KINDS, createTestContext, type TestContext } from '../../test-support/test-context';
import { latestLearnedWeights, runWeightLearning } from './learn-weights';

describe.each(DB_KINDS)('weight learning on %s', (kind) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(kind);
  });
  afterAll(async () => ctx.close());

  it('labels impressions by later contacts and stores weights only when they beat the hand-set ones', async () => {
    expect(await runWeightLearning(ctx.db)).toMatchObject({ replaced: false, reason: 'not_enough_events', stored: false });

    // 1,500 impressions over 15 days; people contact candidates with high reciprocity.
    const rng = new Rng(11);
    const rows: unknown[][] = [];
    for (let i = 0; i < 1500; i++) {
      const c = { relevance: 0.1 + 0.8 * rng.float(), complementarity: rng.float(), reciprocity: rng.float(), freshness: rng.float(), responsiveness: 0.5 };
      const at = new Date(Date.UTC(2026, 0, 1) + i * 15 * 60_000);
      const subject = `org:00000000-0000-0000-0000-${String(i).padStart(12, '0')}`;
      const candidate = `opp:10000000-0000-0000-0000-${String(i).padStart(12, '0')}`;
      rows.push([subject, candidate, 'impression', JSON.stringify(c), at]);
      if (rng.float() < 1 / (1 + Math.exp(-(-2 + 5 * c.reciprocity)))) {
        rows.push([subject, candidate, 'contact', null, new Date(at.getTime() + 3_600_000)]);
      }
    }
    for (const r of rows) {
      await ctx.db.query('insert into match_events (subject_key, candidate_key, event, components, created_at) values ($1, $2, $3, $4, $5)', r);
    }
    const dry = await runWeightLearning(ctx.db, { dryRun: true });
    expect(dry.replaced).toBe(true);
    expect(dry.stored).toBe(false);
    expect(await latestLearnedWeights(ctx.db)).toBeNull();
    const real = await runWeightLearning(ctx.db);
    expect(real.stored).toBe(true);
    expect(real.learned!.auc).toBeGreaterThan(real.handSet.auc);
    expect((await latestLearnedWeights(ctx.db))!.reciprocity).toBeGreaterThan(1);
  });
});
