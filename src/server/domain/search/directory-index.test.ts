import { describe, expect, it } from 'vitest';
import { compareBytes, DirectoryIndex, type DirectoryDoc, type DirectoryQuery } from './directory-index';
import { indexTerms, queryTerms } from './search-terms';

function doc(id: string, sortKey: string, over: Partial<DirectoryDoc> = {}, text = ''): DirectoryDoc {
  return { id, sortKey, kind: 'company', country: 'IT', region: null, sectors: [], products: [], synthetic: false, terms: indexTerms([sortKey, text]), ...over };
}
const q = (over: Partial<DirectoryQuery> = {}): DirectoryQuery => ({ terms: [], synthetic: 'include', limit: 20, ...over });
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The same question answered by brute force over the documents, as SQL would. */
function bruteForce(docs: DirectoryDoc[], query: DirectoryQuery): string[] {
  return docs
    .filter((d) => query.terms.every((t) => d.terms.some((w) => (t.prefix ? w.startsWith(t.term) : w === t.term))))
    .filter((d) => !query.kinds || query.kinds.includes(d.kind))
    .filter((d) => !query.countries || query.countries.includes(d.country))
    .filter((d) => !query.region || d.region?.toLowerCase() === query.region.toLowerCase())
    .filter((d) => !query.sectors || d.sectors.some((s) => query.sectors!.includes(s)))
    .filter((d) => query.synthetic === 'include' || d.synthetic === (query.synthetic === 'only'))
    .sort((a, b) => compareBytes(a.sortKey, b.sortKey) || compareBytes(a.id, b.id))
    .filter((d) => !query.after || (compareBytes(d.sortKey, query.after.sortKey) || compareBytes(d.id, query.after.id)) > 0)
    .slice(0, query.limit)
    .map((d) => d.id);
}

describe('directory index', () => {
  it('orders by sort key then id in UTF-8 byte order, as PostgreSQL collation "C" does', () => {
    expect(compareBytes('b', 'a')).toBeGreaterThan(0);
    expect(compareBytes('ab', 'a')).toBeGreaterThan(0);
    // U+FF21 (full-width A) is below U+1F600 in code points, above it in UTF-16 code units.
    expect(compareBytes('\uff21', '\u{1f600}')).toBeLessThan(0);
    expect(['\u{1f600}', '\uff21', 'z', '临平'].sort(compareBytes)).toEqual(['z', '临平', '\uff21', '\u{1f600}']);
  });

  it('finds words exactly, the last one as a prefix, and Chinese by bigrams', () => {
    const index = new DirectoryIndex();
    index.bulk([
      doc(uuid(1), 'lanificio biella', {}, 'tessuti cashmere'),
      doc(uuid(2), 'maglificio', {}, 'maglieria in cachemire'),
      doc(uuid(3), '杭州羊绒', { country: 'CN' }, '羊绒针织 生产'),
    ]);
    expect(index.search(q({ terms: queryTerms('cash') }))).toEqual([uuid(1)]);
    expect(index.search(q({ terms: queryTerms('maglieria cach') }))).toEqual([uuid(2)]);
    expect(index.search(q({ terms: queryTerms('羊绒') }))).toEqual([uuid(3)]);
    expect(index.search(q({ terms: queryTerms('羊绒 cashmere') }))).toEqual([]);
  });

  it('applies facets and pages with a cursor', () => {
    const index = new DirectoryIndex();
    const docs = Array.from({ length: 50 }, (_, i) =>
      doc(uuid(i), `org ${String(i % 7)}`, { country: i % 2 ? 'CN' : 'IT', kind: i % 3 ? 'company' : 'designer', sectors: i % 5 ? ['13', '13.1'] : ['14'] }),
    );
    index.bulk(docs);
    const first = index.search(q({ countries: ['CN'], sectors: ['13'], limit: 5 }));
    expect(first).toEqual(bruteForce(docs, q({ countries: ['CN'], sectors: ['13'], limit: 5 })));
    const last = docs.find((d) => d.id === first[4])!;
    const after = { sortKey: last.sortKey, id: last.id };
    expect(index.search(q({ countries: ['CN'], sectors: ['13'], limit: 5, after }))).toEqual(
      bruteForce(docs, q({ countries: ['CN'], sectors: ['13'], limit: 5, after })),
    );
  });

  it('reflects updates and removals, also after compaction of retired slots', () => {
    const index = new DirectoryIndex();
    const docs = new Map<string, DirectoryDoc>();
    for (let i = 0; i < 3000; i++) docs.set(uuid(i), doc(uuid(i), `name ${i}`, { synthetic: i % 4 === 0 }, i % 2 ? 'seta' : 'lana'));
    index.bulk(docs.values());
    // 2,000 edits retire 2,000 slots: more than a quarter, so the index compacts on the way.
    for (let i = 0; i < 2000; i++) {
      const d = doc(uuid(i), `renamed ${i}`, { synthetic: i % 4 === 0 }, i % 3 ? 'seta' : 'velluto');
      docs.set(d.id, d);
      index.upsert(d);
    }
    for (let i = 2000; i < 2100; i++) {
      docs.delete(uuid(i));
      index.remove(uuid(i));
    }
    expect(index.size).toBe(2900);
    const all = [...docs.values()];
    for (const query of [
      q({ terms: queryTerms('velluto') }),
      q({ terms: queryTerms('seta'), synthetic: 'exclude', limit: 30 }),
      q({ terms: queryTerms('ren'), synthetic: 'only' }),
      q({ terms: queryTerms('lana'), limit: 10, after: { sortKey: 'name 2500', id: uuid(2500) } }),
    ]) {
      expect(index.search(query)).toEqual(bruteForce(all, query));
    }
  });

  it('agrees with brute force on random queries', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const words = ['lana', 'seta', 'lino', 'cotone', 'maglia', 'maglieria', '羊绒', '针织', 'pelle'];
    const docs = Array.from({ length: 800 }, (_, i) =>
      doc(uuid(i), `${words[rnd(9)]} ${rnd(100)}`, {
        country: ['IT', 'CN', 'FR'][rnd(3)]!,
        kind: ['company', 'designer', 'academy'][rnd(3)]!,
        region: ['Toscana', 'Zhejiang', null][rnd(3)]!,
        sectors: [['13'], ['14', '14.3'], []][rnd(3)]!,
        synthetic: rnd(2) === 0,
      }, `${words[rnd(9)]} ${words[rnd(9)]}`),
    );
    const index = new DirectoryIndex();
    index.bulk(docs);
    for (let k = 0; k < 200; k++) {
      const query = q({
        terms: rnd(2) ? queryTerms(`${words[rnd(9)]!.slice(0, 2 + rnd(4))}`) : [],
        countries: rnd(2) ? [['IT', 'CN', 'FR'][rnd(3)]!] : null,
        kinds: rnd(3) === 0 ? ['designer', 'academy'] : null,
        region: rnd(4) === 0 ? 'zhejiang' : null,
        sectors: rnd(3) === 0 ? ['14'] : null,
        synthetic: (['include', 'exclude', 'only'] as const)[rnd(3)]!,
        limit: 1 + rnd(25),
      });
      expect(index.search(query)).toEqual(bruteForce(docs, query));
    }
  });
});
