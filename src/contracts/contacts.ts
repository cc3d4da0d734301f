import { z } from 'zod';
import { Uuid } from './common';
import { OrganisationSummary } from './organisation';

export const ContactRequestInput = z
  .object({
    /** The sender's organisation; the caller must belong to it. */
    fromOrganisationId: Uuid,
    /** Either an opportunity (its organisation is the recipient) or an organisation. */
    opportunityId: Uuid.optional(),
    toOrganisationId: Uuid.optional(),
    message: z.string().trim().min(1).max(4000),
  })
  .strict()
  .refine((v) => Boolean(v.opportunityId) !== Boolean(v.toOrganisationId), {
    message: 'contact_target_required',
    path: ['toOrganisationId'],
  });
export type ContactRequestInput = z.infer<typeof ContactRequestInput>;

export const ContactStatus = z.enum(['pending', 'accepted', 'declined']);

/** Shown only after acceptance, to both sides. */
export const ContactDetails = z.object({
  personName: z.string(),
  personEmail: z.string(),
  organisationEmail: z.string().nullable(),
  organisationPhone: z.string().nullable(),
});
export type ContactDetails = z.infer<typeof ContactDetails>;

export const ContactRequest = z.object({
  id: Uuid,
  status: ContactStatus,
  /** inbox: sent to one of the caller's organisations; sent: sent by one of them. */
  box: z.enum(['inbox', 'sent']),
  from: OrganisationSummary,
  to: OrganisationSummary,
  opportunity: z.object({ id: Uuid, title: z.record(z.string(), z.string()) }).nullable(),
  message: z.string(),
  createdAt: z.string(),
  respondedAt: z.string().nullable(),
  /** The other side's contact details: null until the request is accepted. */
  counterpartContact: ContactDetails.nullable(),
});
export type ContactRequest = z.infer<typeof ContactRequest>;

export const ContactListQuery = z.object({
  box: z.enum(['inbox', 'sent']).default('inbox'),
  status: ContactStatus.optional(),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;

export const ContactList = z.object({
  items: z.array(ContactRequest),
  /** Pending requests waiting for the caller's organisations (the inbox badge). */
  pendingInbox: z.number().int(),
});
export type ContactList = z.infer<typeof ContactList>;
