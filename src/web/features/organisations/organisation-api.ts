import type { OrganisationDetail, OrganisationInput, OrganisationPage, OrganisationPatch } from '../../../contracts/organisation';
import { api } from '../../lib/api';

export interface DirectoryFilters {
  q?: string;
  kind?: string;
  country?: string;
  region?: string;
  sector?: string[];
  member_of?: string;
}

export const organisationApi = {
  list: (filters: DirectoryFilters, cursor?: string | null, limit = 20) =>
    api.get<OrganisationPage>('/organisations', { ...filters, cursor, limit }),
  get: (idOrSlug: string) => api.get<OrganisationDetail>(`/organisations/${encodeURIComponent(idOrSlug)}`),
  create: (input: OrganisationInput) => api.post<OrganisationDetail>('/organisations', input),
  update: (id: string, patch: OrganisationPatch) => api.patch<OrganisationDetail>(`/organisations/${id}`, patch),
  invite: (id: string, email: string, role: 'owner' | 'member') => api.post(`/organisations/${id}/invitations`, { email, role }),
};
