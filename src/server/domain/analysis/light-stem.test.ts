import { describe, expect, it } from 'vitest';
import { labelStem } from './light-stem';

describe('labelStem', () => {
  it('lets inflected forms meet', () => {
    expect(labelStem('it', 'maglioni')).toBe(labelStem('it', 'maglione'));
    expect(labelStem('en', 'knitted')).toBe(labelStem('en', 'knitting'));
    expect(labelStem('it', 'ricercatori')).toBe(labelStem('it', 'ricercatore'));
    expect(labelStem('en', 'designers')).toBe(labelStem('en', 'designer'));
  });

  it('keeps agent and action nouns apart from their base words', () => {
    expect(labelStem('en', 'researcher')).not.toBe(labelStem('en', 'research'));
    expect(labelStem('en', 'designer')).not.toBe(labelStem('en', 'design'));
    expect(labelStem('it', 'ricercatore')).not.toBe(labelStem('it', 'ricerca'));
    expect(labelStem('it', 'macchiniste')).not.toBe(labelStem('it', 'macchine'));
    expect(labelStem('it', 'negoziazione')).not.toBe(labelStem('it', 'negozi'));
    expect(labelStem('it', 'confezionamento')).not.toBe(labelStem('it', 'confezione'));
  });
});
