import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

describe('slugify', () => {
  it('turns a Latin name into a lower-case hyphenated slug without accents', () => {
    expect(slugify('Livolsi&Partners', 'x')).toBe('livolsi-partners');
    expect(slugify('Università della Moda — Città', 'x')).toBe('universita-della-moda-citta');
  });

  it('uses the fallback when a name has no Latin letters', () => {
    expect(slugify('常熟服装城', 'org-1a2b')).toBe('org-1a2b');
  });
});
