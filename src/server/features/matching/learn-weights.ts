/**
 * The learning job: turns recorded match events into examples, fits the weights and stores them
 * only when they beat the hand-set ones on the newest events (domain/matching/learning.ts). Run
 * by `ponte learn`; the matching service picks the newest stored weights at its next start.
 */
import type { Db } from '../../db/client';
import { learnWeights, type ComponentValues, type LearnedWeights, type LearningReport } from '../../domain/matching/learning';

/** How long after being shown a save, contact or acceptance still counts for that impression. */
const ATTRIBUTION_DAYS = 30;

export async function runWeightLearning(db: Db, options: { dryRun?: boolean } = {}): Promise<LearningReport & { stored: boolean }> {
  // An impression is positive when the same candidate was later saved, contacted or accepted,
  // for the same subject or by the same person, within the attribution window.
  const { rows } = await db.query<{ components: ComponentValues; at: Date; positive: boolean }>(
    `select i.components, i.created_at as at,
       exists (select 1 from match_events e
               where e.candidate_key = i.candidate_key and e.event in ('save', 'contact', 'accept')
                 and e.created_at >= i.created_at and e.created_at < i.created_at + interval '${ATTRIBUTION_DAYS} days'
                 and (e.subject_key = i.subject_key or (e.user_id is not null and e.user_id = i.user_id))) as positive
     from match_events i
     where i.event = 'impression' and i.components is not null`,
  );
  const examples = rows
    .filter((r) => isComponents(r.components))
    .map((r) => ({ components: r.components, positive: r.positive, at: r.at.getTime() }));
  const report = learnWeights(examples);
  let stored = false;
  if (report.replaced && report.weights && !options.dryRun) {
    await db.query('insert into match_models (weights, report) values ($1, $2)', [JSON.stringify(report.weights), JSON.stringify(report)]);
    stored = true;
  }
  return { ...report, stored };
}

export async function latestLearnedWeights(db: Db): Promise<LearnedWeights | null> {
  const { rows } = await db.query<{ weights: LearnedWeights }>('select weights from match_models order by id desc limit 1');
  return rows[0]?.weights ?? null;
}

function isComponents(c: unknown): c is ComponentValues {
  if (!c || typeof c !== 'object') return false;
  const o = c as Record<string, unknown>;
  return ['relevance', 'complementarity', 'reciprocity', 'freshness', 'responsiveness'].every((k) => typeof o[k] === 'number' && Number.isFinite(o[k]));
}
