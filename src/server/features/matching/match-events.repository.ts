import type { Queryable } from '../../db/client';

export interface MatchEventRow {
  userId: string | null;
  organisationId: string | null;
  subjectKey: string;
  candidateKey: string;
  event: 'impression' | 'save' | 'dismiss' | 'contact' | 'accept' | 'decline';
  components: Record<string, number> | null;
}

/** What people do with recommendations (match_events): written by the web app and the contact flow, read by learning. */
export async function recordMatchEvent(db: Queryable, e: MatchEventRow): Promise<void> {
  await db.query(
    `insert into match_events (user_id, organisation_id, subject_key, candidate_key, event, components)
     values ($1, $2, $3, $4, $5, $6)`,
    [e.userId, e.organisationId, e.subjectKey, e.candidateKey, e.event, e.components ? JSON.stringify(e.components) : null],
  );
}
