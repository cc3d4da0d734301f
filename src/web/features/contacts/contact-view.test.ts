import { describe, expect, it } from 'vitest';
import type { OrganisationSummary } from '../../../contracts/organisation';
import { counterpartOf, formLevelErrors, inboxParams, inboxViewFrom, MESSAGE_MAX, messageLength } from './contact-view';

const org = (id: string) => ({ id, slug: id, legalName: id, names: {} }) as unknown as OrganisationSummary;

describe('inbox view in the URL', () => {
  it('opens on received requests of every status', () => {
    expect(inboxViewFrom(new URLSearchParams())).toEqual({ box: 'inbox', status: undefined });
  });

  it('ignores a box or status the API does not know', () => {
    expect(inboxViewFrom(new URLSearchParams('box=trash&status=archived'))).toEqual({ box: 'inbox', status: undefined });
  });

  it('round-trips the sent tab with a status filter and leaves defaults out of the URL', () => {
    const view = inboxViewFrom(new URLSearchParams('box=sent&status=accepted'));
    expect(view).toEqual({ box: 'sent', status: 'accepted' });
    expect(inboxParams(view).toString()).toBe('box=sent&status=accepted');
    expect(inboxParams({ box: 'inbox', status: undefined }).toString()).toBe('');
  });
});

describe('contact requests', () => {
  it('shows the sender for a received request and the recipient for a sent one', () => {
    const from = org('from');
    const to = org('to');
    expect(counterpartOf({ box: 'inbox', from, to }).id).toBe('from');
    expect(counterpartOf({ box: 'sent', from, to }).id).toBe('to');
  });

  it('counts characters as the contract does, after trimming, against its 4000 limit', () => {
    expect(MESSAGE_MAX).toBe(4000);
    expect(messageLength('  Buongiorno \n')).toBe(10);
  });

  it('raises errors about fields the dialog does not show to the form level', () => {
    const errors = { message: 'Too long', toOrganisationId: 'An organisation cannot contact itself.', 'fromOrganisationId.x': 'Bad' };
    expect(formLevelErrors(errors, ['fromOrganisationId', 'message'])).toEqual(['An organisation cannot contact itself.']);
    expect(formLevelErrors(errors, ['message'])).toEqual(['An organisation cannot contact itself.', 'Bad']);
  });
});
