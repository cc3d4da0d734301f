import type { ContactList, ContactRequest, ContactRequestInput } from '../../../contracts/contacts';
import { api } from '../../lib/api';

export type ContactBox = 'inbox' | 'sent';
export type ContactStatus = ContactRequest['status'];

const listeners = new Set<() => void>();

export const contactApi = {
  list: (box: ContactBox, status?: ContactStatus) => api.get<ContactList>('/contacts', { box, status }),
  create: (input: ContactRequestInput) => api.post<ContactRequest>('/contacts', input),
  accept: (id: string) => api.post<ContactRequest>(`/contacts/${id}/accept`),
  decline: (id: string) => api.post<ContactRequest>(`/contacts/${id}/decline`),
};

/**
 * The header badge counts pending requests; whoever sends, accepts or declines one calls this
 * so the badge does not wait for the next navigation to be right.
 */
export function notifyContactsChanged() {
  for (const listener of listeners) listener();
}

export function onContactsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
