import { foldLabel, labelsOf, TAXONOMY_LANGS, type TaxonomyConcept, type TaxonomyIndex } from './taxonomy';

interface SearchEntry {
  concept: TaxonomyConcept;
  /** Folded labels of every language, preferred labels first. */
  labels: string[];
  prefCount: number;
}

const entriesByTaxonomy = new WeakMap<TaxonomyIndex, SearchEntry[]>();

function entries(taxonomy: TaxonomyIndex): SearchEntry[] {
  let out = entriesByTaxonomy.get(taxonomy);
  if (!out) {
    out = taxonomy.concepts.map((concept) => {
      const prefs = TAXONOMY_LANGS.map((l) => foldLabel(concept.labels[l].pref));
      const alts = TAXONOMY_LANGS.flatMap((l) => labelsOf(concept, l).slice(1).map(foldLabel));
      return { concept, labels: [...prefs, ...alts], prefCount: prefs.length };
    });
    entriesByTaxonomy.set(taxonomy, out);
  }
  return out;
}

/** 4 exact, 3 a label starts with the query, 2 a word of it does, 1 it contains the query; +0.5 on a preferred label. */
function labelScore(label: string, q: string): number {
  if (label === q) return 4;
  if (label.startsWith(q)) return 3;
  const at = label.indexOf(q);
  if (at < 0) return 0;
  return /[\s\-'/(]/.test(label[at - 1] ?? '') ? 2 : 1;
}

/**
 * Concepts whose label in any language (preferred or synonym) matches `query`, best first:
 * exact before prefix before word start before substring, preferred labels before synonyms,
 * broader concepts before narrower ones. Case, accents and full-width forms are ignored, so
 * "cachemire", "CASHMERE" and "羊绒" all find the fibre.
 */
export function searchConcepts(taxonomy: TaxonomyIndex, query: string, limit: number): TaxonomyConcept[] {
  const q = foldLabel(query);
  if (!q) return [];
  const scored: Array<{ concept: TaxonomyConcept; score: number; length: number }> = [];
  for (const e of entries(taxonomy)) {
    let best = 0;
    let length = Infinity;
    e.labels.forEach((label, i) => {
      const s = labelScore(label, q);
      if (s === 0) return;
      const score = s + (i < e.prefCount ? 0.5 : 0);
      if (score > best || (score === best && label.length < length)) {
        best = score;
        length = label.length;
      }
    });
    if (best > 0) scored.push({ concept: e.concept, score: best, length });
  }
  scored.sort(
    (a, b) => b.score - a.score || a.concept.depth - b.concept.depth || a.length - b.length || a.concept.id.localeCompare(b.concept.id),
  );
  return scored.slice(0, limit).map((s) => s.concept);
}
