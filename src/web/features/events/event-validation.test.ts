import { describe, expect, it } from 'vitest';
import { EventInput, TablesInput } from '../../../contracts/events';
import type { TFunction } from '../../i18n/i18n';
import { validateEvent } from './event-validation';

// The key itself stands for the message, so the test reads which rule was named.
const t = ((key: string) => key) as TFunction;

const valid = {
  organiserOrganisationId: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  title: { it: 'Missione a Hangzhou' },
  venue: 'Hangzhou',
  timeZone: 'Asia/Shanghai',
  grid: { days: ['2027-03-10'], sessions: [{ session: 'morning', start: '09:00', end: '12:00' }], slotMinutes: 30, breaks: [] },
  tables: [{ name: 'Tavolo 1' }],
};

describe('validateEvent', () => {
  it('accepts a complete event', () => {
    expect(validateEvent(EventInput, valid, 'it', t).errors).toBeNull();
  });

  it('names the cross-field rule the contract only calls "invalid"', () => {
    const errors = validateEvent(EventInput, {
      ...valid,
      venue: undefined,
      grid: { ...valid.grid, sessions: [{ session: 'morning', start: '12:00', end: '09:00' }], breaks: [{ start: '11:00', end: '10:30' }] },
    }, 'it', t).errors;
    expect(errors).toMatchObject({
      venue: 'events.errors.venueRequired',
      'grid.sessions': 'events.errors.sessionOrder',
      'grid.breaks.0': 'events.errors.breakOrder',
    });
  });

  it('reports tables with the same name (checked with TablesInput: EventInput lets them through)', () => {
    expect(validateEvent(TablesInput, { tables: [{ name: 'A' }, { name: 'A' }] }, 'it', t).errors).toEqual({ tables: 'events.errors.tableNamesUnique' });
  });
});
