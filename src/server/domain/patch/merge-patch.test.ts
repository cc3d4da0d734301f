import { describe, expect, it } from 'vitest';
import { applyMergePatch } from './merge-patch';

interface Profile {
  city?: string;
  founded?: number;
  names: { it?: string; zh?: string; en?: string };
  tags: string[];
}

describe('applyMergePatch', () => {
  const stored: Profile = { city: 'Carpi', founded: 1978, names: { it: 'Maglificio', en: 'Knitwear' }, tags: ['a', 'b'] };

  it('keeps fields the patch leaves out and replaces the ones it sends', () => {
    expect(applyMergePatch(stored, { city: 'Modena' })).toEqual({ ...stored, city: 'Modena' });
  });

  it('removes a field sent as null', () => {
    expect(applyMergePatch(stored, { founded: null })).toEqual({ city: 'Carpi', names: stored.names, tags: ['a', 'b'] });
  });

  it('patches one language of a text without touching the others', () => {
    expect(applyMergePatch(stored, { names: { en: null, zh: '针织厂' } }).names).toEqual({ it: 'Maglificio', zh: '针织厂' });
  });

  it('replaces arrays whole', () => {
    expect(applyMergePatch(stored, { tags: ['c'] }).tags).toEqual(['c']);
  });

  it('does not change the stored object', () => {
    applyMergePatch(stored, { city: null, names: { it: null } });
    expect(stored.city).toBe('Carpi');
    expect(stored.names.it).toBe('Maglificio');
  });
});
