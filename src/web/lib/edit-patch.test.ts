import { describe, expect, it } from 'vitest';
import { editPatch } from './edit-patch';

describe('editPatch', () => {
  it('sends emptied fields and emptied languages as null so the server clears them', () => {
    const data = { legalName: 'Maglificio S.r.l.', city: undefined, names: { it: 'Maglificio' }, sectors: [] as string[] };
    expect(editPatch(data, ['legalName', 'city', 'names', 'sectors'])).toEqual({
      legalName: 'Maglificio S.r.l.',
      city: null,
      names: { it: 'Maglificio', zh: null, en: null },
      sectors: [],
    });
  });

  it('leaves out fields the form does not show', () => {
    const data = { city: 'Carpi', logoUrl: undefined as string | undefined };
    expect(editPatch(data, ['city'])).toEqual({ city: 'Carpi' });
  });
});
