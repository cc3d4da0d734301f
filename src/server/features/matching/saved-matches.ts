/**
 * Saved recommendations: a person's short list to come back to. Saving also records a "save"
 * match event, the strongest positive signal the weight learning gets short of a contact request.
 */
import type { SavedMatchInput, SavedMatchList } from '../../../contracts/matching';
import type { Queryable } from '../../db/client';
import { unauthenticated } from '../../errors';
import type { Viewer } from '../auth/auth-context';
import type { OpportunityService } from '../opportunities/opportunity.service';
import { presentSummary } from '../organisations/organisation.presenter';
import { createOrganisationRepository } from '../organisations/organisation.repository';
import { recordMatchEvent } from './match-events.repository';

const MAX_LISTED = 200;

export function createSavedMatches(deps: { db: Queryable; opportunities: OpportunityService }) {
  const { db } = deps;
  const orgRepo = createOrganisationRepository(db);
  const signedIn = (viewer: Viewer | null) => {
    if (!viewer) throw unauthenticated();
    return viewer;
  };

  return {
    async save(input: SavedMatchInput, viewer: Viewer | null): Promise<void> {
      const v = signedIn(viewer);
      await db.query(
        `insert into saved_matches (user_id, candidate_key, subject_key) values ($1, $2, $3)
         on conflict (user_id, candidate_key) do update set subject_key = coalesce(excluded.subject_key, saved_matches.subject_key), created_at = now()`,
        [v.userId, input.candidateKey, input.subjectKey ?? null],
      );
      if (input.subjectKey) {
        await recordMatchEvent(db, { userId: v.userId, organisationId: null, subjectKey: input.subjectKey, candidateKey: input.candidateKey, event: 'save', components: input.components ?? null });
      }
    },

    async unsave(candidateKey: string, viewer: Viewer | null): Promise<void> {
      const v = signedIn(viewer);
      await db.query('delete from saved_matches where user_id = $1 and candidate_key = $2', [v.userId, candidateKey]);
    },

    async list(viewer: Viewer | null): Promise<SavedMatchList> {
      const v = signedIn(viewer);
      const { rows } = await db.query<{ candidate_key: string; created_at: Date }>(
        `select candidate_key, created_at from saved_matches where user_id = $1 order by created_at desc limit ${MAX_LISTED}`,
        [v.userId],
      );
      const items = await Promise.all(
        rows.map(async (r) => {
          const [kind, id] = r.candidate_key.split(':') as ['org' | 'opp', string];
          // Through the opportunity service, so a draft or another organisation's secret stays hidden.
          if (kind === 'opp') {
            const opportunity = await deps.opportunities.get(id, v).catch(() => null);
            return opportunity && { candidateKey: r.candidate_key, savedAt: r.created_at.toISOString(), organisation: opportunity.organisation, opportunity };
          }
          const org = await orgRepo.findById(id);
          if (!org?.listed) return null;
          return { candidateKey: r.candidate_key, savedAt: r.created_at.toISOString(), organisation: presentSummary(org), opportunity: null };
        }),
      );
      return { items: items.filter((i) => i !== null) };
    },

    /** The viewer's saved candidate keys, to mark cards. */
    async keys(viewer: Viewer | null): Promise<string[]> {
      const v = signedIn(viewer);
      const { rows } = await db.query<{ candidate_key: string }>('select candidate_key from saved_matches where user_id = $1', [v.userId]);
      return rows.map((r) => r.candidate_key);
    },
  };
}

export type SavedMatches = ReturnType<typeof createSavedMatches>;
