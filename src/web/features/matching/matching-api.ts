import type { ConceptList, MatchEventInput, MatchList, SavedMatchInput, SavedMatchList, TextUnderstanding } from '../../../contracts/matching';
import { api } from '../../lib/api';

export const matchingApi = {
  understand: (text: string) => api.post<TextUnderstanding>('/analysis', { text }),
  searchConcepts: (q: string, limit = 8) => api.get<ConceptList>('/concepts', { q, limit }),
  conceptsById: (ids: readonly string[]) => api.get<ConceptList>('/concepts', { id: ids, limit: 50 }),
  counterparts: (opportunityId: string, limit = 10) =>
    api.get<MatchList>(`/opportunities/${encodeURIComponent(opportunityId)}/matches`, { limit }),
  /** What people do with recommendations (for learning the weights); failures are not the user's problem. */
  record: (events: MatchEventInput[]) => api.post<void>('/matching/events', { events }).catch(() => undefined),
  saved: () => api.get<SavedMatchList>('/matching/saved'),
  savedKeys: () => api.get<{ keys: string[] }>('/matching/saved/keys'),
  save: (input: SavedMatchInput) => api.put<void>('/matching/saved', input),
  unsave: (candidateKey: string) => api.delete<void>(`/matching/saved?candidate=${encodeURIComponent(candidateKey)}`),
  partners: (organisationId: string, limit = 10) =>
    api.get<MatchList>(`/organisations/${encodeURIComponent(organisationId)}/partners`, { limit }),
};
