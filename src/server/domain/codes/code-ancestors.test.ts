import { describe, expect, it } from 'vitest';
import { expandCodes, hsAncestors, naceAncestors } from './code-ancestors';

describe('code ancestors', () => {
  it('expands a NACE class to group, division and section', () => {
    expect(naceAncestors('14.13')).toEqual(['14.13', '14.1', '14', 'C']);
    expect(naceAncestors('74.1')).toEqual(['74.1', '74', 'M']);
    expect(naceAncestors('85')).toEqual(['85', 'P']);
    expect(naceAncestors('C')).toEqual(['C']);
  });

  it('expands HS subheadings to heading and chapter', () => {
    expect(hsAncestors('611011')).toEqual(['611011', '6110', '61']);
    expect(hsAncestors('61')).toEqual(['61']);
  });

  it('deduplicates shared ancestors', () => {
    expect(expandCodes(['14.13', '14.14'], naceAncestors)).toEqual(['14.13', '14.1', '14', 'C', '14.14']);
  });
});
