import type { Opportunity, OpportunityInput, OpportunityPage, OpportunityPatch } from '../../../contracts/opportunity';
import { api } from '../../lib/api';

export interface OpportunityFilters {
  q?: string;
  type?: string;
  direction?: string;
  country?: string;
  sector?: string[];
  organisation?: string;
  status?: string[];
}

export const opportunityApi = {
  list: (filters: OpportunityFilters, cursor?: string | null, limit = 20) =>
    api.get<OpportunityPage>('/opportunities', { ...filters, cursor, limit }),
  get: (id: string) => api.get<Opportunity>(`/opportunities/${encodeURIComponent(id)}`),
  create: (input: OpportunityInput) => api.post<Opportunity>('/opportunities', input),
  update: (id: string, patch: OpportunityPatch) => api.patch<Opportunity>(`/opportunities/${id}`, patch),
};
