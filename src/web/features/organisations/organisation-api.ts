import type {
  KeyFactInput,
  OrganisationDetail,
  OrganisationInput,
  OrganisationPage,
  OrganisationPatch,
} from '../../../contracts/organisation';
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
  setLogo: (id: string, file: File) => api.putFile<OrganisationDetail>(`/organisations/${id}/logo`, file),
  removeLogo: (id: string) => api.delete<OrganisationDetail>(`/organisations/${id}/logo`),
  /** The API replaces the whole list, so adding, editing and removing one fact all send every fact. */
  replaceKeyFacts: (id: string, facts: KeyFactInput[]) => api.put<OrganisationDetail>(`/organisations/${id}/key-facts`, { facts }),
  addDistrictMember: (id: string, organisationId: string) =>
    api.post<OrganisationDetail>(`/organisations/${id}/district-members`, { organisationId }),
  removeDistrictMember: (id: string, memberId: string) =>
    api.delete<OrganisationDetail>(`/organisations/${id}/district-members/${memberId}`),
};
