import { ContactRequestInput, ContactStatus, type ContactRequest } from '../../../contracts/contacts';
import type { OrganisationSummary } from '../../../contracts/organisation';
import type { FieldErrors } from '../../lib/validation';
import type { ContactBox } from './contact-api';

export const CONTACT_STATUSES = ContactStatus.options;
/** The contract's limit, so the counter and the server agree. */
export const MESSAGE_MAX = ContactRequestInput.shape.message.maxLength ?? 4000;

export interface InboxView {
  box: ContactBox;
  status: ContactRequest['status'] | undefined;
}

/** The inbox's tab and status filter live in the URL, so both survive a reload and can be linked. */
export function inboxViewFrom(params: URLSearchParams): InboxView {
  const status = CONTACT_STATUSES.find((s) => s === params.get('status'));
  return { box: params.get('box') === 'sent' ? 'sent' : 'inbox', status };
}

export function inboxParams(view: InboxView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.box === 'sent') params.set('box', 'sent');
  if (view.status) params.set('status', view.status);
  return params;
}

/** The organisation on the other side of a request, from the reader's point of view. */
export function counterpartOf(request: Pick<ContactRequest, 'box' | 'from' | 'to'>): OrganisationSummary {
  return request.box === 'inbox' ? request.from : request.to;
}

/** Characters as the contract counts them (after trimming). */
export function messageLength(message: string): number {
  return message.trim().length;
}

/** Errors about fields the form does not show (the target, the form as a whole), in order. */
export function formLevelErrors(errors: FieldErrors, shownFields: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([path]) => !shownFields.some((f) => path === f || path.startsWith(`${f}.`)))
    .map(([, message]) => message);
}
